using KneeGuide.Site.Search;

namespace KneeGuide.Tests.Search;

/// <summary>The build's analyzer reads every vector text into the terms written beside it (the browser test checks search-analyzer.js on the same file).</summary>
public sealed class AnalyzerVectorTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void SearchAnalyzer_reproduces_every_vector(string language)
    {
        var vectors = AnalyzerVectorFiles.Read(language);
        Assert.True(vectors.Count >= 5, $"{language}.tsv has only {vectors.Count} lines");
        var analyzer = new SearchAnalyzer(SearchLanguage.For(language));
        var wrong = vectors.Where(v => string.Join(' ', analyzer.Terms(v.Text)) != v.Terms).Select(v => v.Text).Take(10).ToList();
        Assert.True(wrong.Count == 0, "read differently:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Hyphenated_words_are_also_indexed_joined_up()
    {
        var words = new List<(string, string)>();
        new SearchAnalyzer(SearchLanguage.For("en")).Analyze("Step-downs and x-rays", (surface, term) => words.Add((surface.ToString(), term)), compounds: true);
        Assert.Equal([("step", "step"), ("downs", "down"), ("stepdowns", "stepdown"), ("rays", "ray"), ("xrays", "xray")], words);
    }
}

/// <summary>Rewrites AnalyzerVectors/*.tsv from the C# analyzer; skipped unless KNEEGUIDE_REGENERATE_ANALYZER_VECTORS=1.</summary>
public sealed class AnalyzerVectorRegeneration
{
    [RegenerationFact]
    public void Regenerate_the_analyzer_vector_files()
    {
        foreach (var language in AnalyzerVectorFiles.Languages)
        {
            AnalyzerVectorFiles.Write(language);
        }
    }

    private sealed class RegenerationFactAttribute : FactAttribute
    {
        public const string Variable = "KNEEGUIDE_REGENERATE_ANALYZER_VECTORS";

        public RegenerationFactAttribute()
        {
            if (Environment.GetEnvironmentVariable(Variable) != "1")
            {
                Skip = $"rewrites the analyzer vectors; run with {Variable}=1";
            }
        }
    }
}
