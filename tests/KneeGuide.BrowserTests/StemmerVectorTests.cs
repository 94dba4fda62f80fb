using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace KneeGuide.BrowserTests;

/// <summary>
/// theme/assets/js/stemmers.js, in Chromium, stems every word of the shared vectors
/// (tests/KneeGuide.Tests/Search/StemmerVectors) as the build's Lucene.Net stemmers do. It runs on a
/// blank page: the stemmers need nothing of the site, and one evaluation checks a whole file.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class StemmerVectorTests(SiteFixture site, ITestOutputHelper output)
{
    // Runs in the page: every "word<TAB>stem" line through self.kgStemmers[language].
    private const string CheckAllVectors = """
        ([language, text]) => {
          const stem = self.kgStemmers[language];
          const pairs = text.split("\n").map(line => line.split("\t"));
          pairs.pop(); // the empty string after the last LF
          const mismatches = [];
          let started = performance.now();
          for (let i = 0; i < pairs.length; i++) {
            const [word, expected] = pairs[i];
            const actual = stem(word);
            if (actual !== expected) mismatches.push(`${language}.tsv:${i + 1}: ${word} -> ${actual}, expected ${expected}`);
          }
          const firstPass = performance.now() - started; // the stemmer's code still cold
          started = performance.now();
          for (const [word] of pairs) stem(word);
          const secondPass = performance.now() - started;
          return { count: pairs.length, mismatchCount: mismatches.length, first: mismatches.slice(0, 20), firstPass, secondPass };
        }
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Stemmers_js_reproduces_every_vector(string language)
    {
        var vectors = await File.ReadAllTextAsync(Path.Combine(SiteFixture.RepositoryRoot, "tests", "KneeGuide.Tests", "Search", "StemmerVectors", language + ".tsv"));
        var script = await File.ReadAllTextAsync(Path.Combine(SiteFixture.RepositoryRoot, "theme", "assets", "js", "stemmers.js"));
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = script });
        var result = await page.EvaluateAsync<JsonElement>(CheckAllVectors, new object[] { language, vectors });

        Assert.Empty(errors);
        var count = result.GetProperty("count").GetInt32();
        var mismatchCount = result.GetProperty("mismatchCount").GetInt32();
        var first = result.GetProperty("first").EnumerateArray().Select(e => e.GetString());
        Assert.True(count > 20_000, $"{language}.tsv has only {count} lines");
        Assert.True(mismatchCount == 0, $"{mismatchCount} of {count} words stem differently in the browser; the first:\n" + string.Join("\n", first));
        output.WriteLine($"{language}: {count} words, checked in {result.GetProperty("firstPass").GetDouble():F1} ms, stemmed again in {result.GetProperty("secondPass").GetDouble():F1} ms");
    }
}
