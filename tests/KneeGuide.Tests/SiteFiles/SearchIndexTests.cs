using System.Text.Json;
using KneeGuide.Site.SiteFiles;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.SiteFiles;

public sealed class SearchIndexTests
{
    [Fact]
    public async Task Index_is_sharded_by_two_letter_prefix_and_finds_titles_targets_headings_and_body()
    {
        using var site = new TestSite();
        site.Write("articles/accents.md", """
            ---
            title: Café knees
            description: Accents fold to plain letters.
            date: 2026-02-01
            ---

            ## Runner’s warm-up

            Quadriceps matter.
            """);
        var result = await site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));

        using var manifest = JsonDocument.Parse(site.ReadOutput("search/manifest.json"));
        var shards = manifest.RootElement.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(shards.Order(StringComparer.Ordinal), shards);
        Assert.All(shards, s => Assert.True(site.OutputExists($"search/terms/{s}.json"), $"manifest lists missing shard {s}"));

        var docs = JsonSerializer.Deserialize<string[][]>(site.ReadOutput("search/docs/0.json"))!;
        Assert.Equal(docs.Select(d => d[0]).Order(StringComparer.Ordinal), docs.Select(d => d[0]));
        int Doc(string url) => Array.FindIndex(docs, d => d[0] == url);

        int[] Postings(string term)
        {
            var file = $"search/terms/{SearchTerms.ShardKey(term)}.json";
            if (!site.OutputExists(file))
            {
                return [];
            }

            var shard = JsonSerializer.Deserialize<Dictionary<string, int[][]>>(site.ReadOutput(file))!;
            return shard.TryGetValue(term, out var list) ? list.Select(p => p[0]).ToArray() : [];
        }

        Assert.Contains(Doc("/exercises/heel-raises/"), Postings("calves"));       // exercise target
        Assert.Contains(Doc("/articles/sample/"), Postings("second"));             // heading
        Assert.Contains(Doc("/mobility/mobility-basics/"), Postings("hips"));      // heading and body
        Assert.Contains(Doc("/articles/accents/"), Postings("cafe"));               // accent folded
        Assert.Contains(Doc("/articles/accents/"), Postings("runners"));            // curly apostrophe dropped
        Assert.Contains(Doc("/articles/accents/"), Postings("quadriceps"));         // body text
        Assert.Empty(Postings("the"));                                              // stop word
    }

    [Fact]
    public async Task Search_files_are_byte_identical_across_rebuilds()
    {
        using var site = new TestSite();
        await site.BuildAsync();
        var first = Directory.GetFiles(Path.Combine(site.OutputDir, "search"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToDictionary(f => f, File.ReadAllText);
        await site.BuildAsync();
        foreach (var (file, text) in first)
        {
            Assert.Equal(text, File.ReadAllText(file));
        }

        Assert.True(first.Count >= 3);
    }

    [Theory]
    [InlineData("Runner's knee", new[] { "runners", "knee" })]
    [InlineData("Step-downs: 3 × 10", new[] { "step", "downs", "10" })]
    [InlineData("ÉLAN of the knee", new[] { "elan", "knee" })]
    public void Tokenize_lowercases_folds_accents_and_drops_stop_words(string text, string[] expected)
    {
        var terms = new List<string>();
        SearchTerms.Tokenize(text, term => terms.Add(term.ToString()));
        Assert.Equal(expected, terms);
    }

    [Fact]
    public void Search_client_folds_accents_with_the_same_table_as_the_index()
    {
        var script = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "assets", "js", "search.js"));
        Assert.Contains($"var FOLD_FROM = \"{SearchTerms.FoldFrom}\";", script);
        Assert.Contains($"var FOLD_TO = \"{SearchTerms.FoldTo}\";", script);
        Assert.Equal(SearchTerms.FoldFrom.Length, SearchTerms.FoldTo.Length);
    }

    [Theory]
    [InlineData("glutes", "gl")]
    [InlineData("10", "10")]
    [InlineData("γόνατο", "__")]
    public void Shard_key_is_the_first_two_characters_with_others_as_underscore(string term, string key) =>
        Assert.Equal(key, SearchTerms.ShardKey(term));
}
