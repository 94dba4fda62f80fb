using System.Text.Json;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Search;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Search;

/// <summary>The index files a build writes under /search/ (SearchIndexLayout.cs), read as search.js reads them.</summary>
public sealed class SearchIndexTests
{
    private const string SiteYml = """
        title: Test Guide
        base_url: https://test.example.org/
        description: A small site built by the tests.
        """;

    [Fact]
    public async Task Index_holds_stems_folded_accents_compounds_sections_and_generated_pages()
    {
        using var site = new TestSite();
        site.Write("articles/accents.md", """
            ---
            title: Café knees
            description: Accents fold to plain letters.
            date: 2026-02-01
            ---

            The runner’s guide to the knees.

            ## Step-downs stretched

            Quadriceps matter.
            """);
        var result = await site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));

        var index = new Index(site);
        Assert.All(index.Keys("terms"), k => Assert.True(site.OutputExists($"search/terms/{k}.json"), $"manifest lists missing shard {k}"));
        Assert.All(index.Keys("ends"), k => Assert.True(site.OutputExists($"search/ends/{k}.json"), $"manifest lists missing shard {k}"));
        Assert.Equal(index.Urls.Order(StringComparer.Ordinal), index.Urls);

        var page = index.Doc("/articles/accents/");
        Assert.Contains(page, index.Docs("cafe"));       // accent folded after stemming
        Assert.Contains(page, index.Docs("runner"));     // curly apostrophe dropped, then stemmed
        Assert.Contains(page, index.Docs("stretch"));    // stemmed
        Assert.Contains(page, index.Docs("stepdown"));   // a hyphenated word, joined up
        Assert.Empty(index.Docs("the"));                 // stop word
        Assert.Equal(1 << 1, index.Mask("stretch", page));  // in the first heading's section
        Assert.Equal(1, index.Mask("cafe", page));            // in the title
        Assert.Contains(index.Doc("/exercises/"), index.Docs("librari"));       // the library, a generated page
        Assert.Contains(index.Doc("/tags/knees/"), index.Docs("topic"));        // a topic page
        Assert.DoesNotContain("/search/", index.Urls);

        using var file = JsonDocument.Parse(site.ReadOutput($"search/pages/{page}.json"));
        var sections = file.RootElement[4];
        Assert.Equal("/articles/accents/", file.RootElement[0].GetString());
        Assert.Equal("step-downs-stretched", sections[1][0].GetString());
        Assert.Equal("Quadriceps matter.", sections[1][2].GetString());
    }

    [Fact]
    public async Task A_term_on_many_pages_gets_a_postings_file_of_its_own()
    {
        using var site = new TestSite();
        for (var i = 0; i < SearchIndexLayout.InlinePostings + 2; i++)
        {
            site.Write($"articles/zebra-{i:00}.md", $"---\ntitle: Zebra {i}\ndescription: Stripes.\ndate: 2026-02-01\n---\n\nA zebra crossing.\n");
        }

        Assert.True((await site.BuildAsync()).Published);
        var index = new Index(site);
        Assert.Equal(SearchIndexLayout.InlinePostings + 3, index.Docs("zebra").Count); // and the articles list
        Assert.True(site.OutputExists("search/terms/ze/zebra.json"));
    }

    [Fact]
    public async Task Editing_one_word_of_one_page_remakes_only_a_few_shards()
    {
        using var site = new TestSite(withDefaults: false);
        site.CopyRepositoryInput();
        Assert.True((await site.BuildAsync()).Published);
        var shards = Directory.GetFiles(Path.Combine(site.OutputDir, "search", "terms"), "*.json").Length;
        var before = File.ReadAllText(Path.Combine(site.InputDir, "articles", "runners-knee.md"));
        site.Write("articles/runners-knee.md", before.Replace("cramped", "narrow", StringComparison.Ordinal));

        var warm = await site.BuildAsync();
        Assert.True(warm.Published);
        // The page's two chains, its link check, and the shards of the words that changed
        // ("cramped", "narrow" and their endings), not the other shards.
        Assert.True(warm.CacheMisses < 12, $"{warm.CacheMisses} units redone of {warm.CacheHits + warm.CacheMisses}; {shards} term shards");
        Assert.Contains(new Index(site).Doc("/articles/runners-knee/"), new Index(site).Docs("narrow"));
    }

    [Fact]
    public async Task Site_synonyms_are_added_to_the_built_in_ones_in_the_shard_of_their_first_term()
    {
        using var site = new TestSite();
        site.Write("site.yml", SiteYml + """

            search:
              synonyms:
                - [quadzilla, quadriceps]
            """);
        Assert.True((await site.BuildAsync()).Published);
        var shard = JsonDocument.Parse(site.ReadOutput("search/terms/qu.json")).RootElement.GetProperty("s");
        Assert.Equal("quadricep", shard.GetProperty("quadzilla")[0][1][0].GetString());
        var builtIn = JsonDocument.Parse(site.ReadOutput("search/terms/bu.json")).RootElement.GetProperty("s");
        Assert.Contains("glute", builtIn.GetProperty("bum")[0][1].EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_synonyms_shard_says_where_its_alternatives_postings_are_and_follows_their_pages()
    {
        // search.js asks for a synonym's postings straight from this ("p"), in the round of the typed
        // words' postings: its own file, 0 for its term shard, and nothing for a word on no page.
        using var site = new TestSite();
        site.Write("site.yml", SiteYml + """

            search:
              synonyms:
                - [quadzilla, zebra]
            """);
        Assert.True((await site.BuildAsync()).Published);
        JsonElement Located() => JsonDocument.Parse(site.ReadOutput("search/terms/qu.json")).RootElement.GetProperty("p");
        Assert.False(Located().TryGetProperty("zebra", out _));

        // Pages that use the alternative, added in a warm build: the synonym's shard is remade with them.
        for (var i = 0; i < SearchIndexLayout.InlinePostings + 2; i++)
        {
            site.Write($"articles/zebra-{i:00}.md", $"---\ntitle: Zebra {i}\ndescription: Stripes.\ndate: 2026-02-01\n---\n\nA zebra crossing.\n");
        }

        Assert.True((await site.BuildAsync()).Published);
        Assert.Equal("zebra", Located().GetProperty("zebra").GetString());
        Assert.True(site.OutputExists("search/terms/ze/zebra.json"));

        site.Write("site.yml", SiteYml + """

            search:
              synonyms:
                - [quadzilla, zebra, quokka]
            """);
        site.Write("articles/quokka.md", "---\ntitle: Quokka\ndescription: Smiles.\ndate: 2026-02-01\n---\n\nA quokka.\n");
        Assert.True((await site.BuildAsync()).Published);
        Assert.Equal(0, Located().GetProperty("quokka").GetInt32()); // inline in qu.json itself
    }

    [Fact]
    public async Task Synonyms_that_cannot_work_are_warnings_at_their_line()
    {
        using var site = new TestSite();
        site.Write("site.yml", SiteYml + """

            search:
              synonyms:
                - [physio]
                - [the, glutes, bum]
            """);
        var result = await site.BuildAsync();
        Assert.True(result.Published);
        var warnings = result.Diagnostics.Where(d => d.Code == ErrorCodes.UnusableSynonym).Select(TestSite.Describe).ToList();
        Assert.Equal([$"KG1601 {site.Display("site.yml")}:6:8", $"KG1601 {site.Display("site.yml")}:7:8"], warnings);
    }

    [Fact]
    public async Task Search_files_are_byte_identical_across_rebuilds()
    {
        using var site = new TestSite();
        await site.BuildAsync();
        var first = Directory.GetFiles(Path.Combine(site.OutputDir, "search"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToDictionary(f => f, File.ReadAllText);
        Directory.Delete(Path.Combine(site.Root, ".kneeguide"), recursive: true);
        await site.BuildAsync();
        Assert.Equal(first.Keys, Directory.GetFiles(Path.Combine(site.OutputDir, "search"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var (file, text) in first)
        {
            Assert.Equal(text, File.ReadAllText(file));
        }
    }

    [Fact]
    public void Search_analyzer_script_folds_accents_with_the_same_table_as_the_build()
    {
        var script = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "assets", "js", "search-analyzer.js"));
        Assert.Contains($"var FOLD_FROM = \"{AccentFolding.FoldFrom}\";", script);
        Assert.Contains($"var FOLD_TO = \"{AccentFolding.FoldTo}\";", script);
        Assert.Equal(AccentFolding.FoldFrom.Length, AccentFolding.FoldTo.Length);
    }

    [Fact]
    public void Search_script_uses_the_builds_scoring_constants()
    {
        var script = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "assets", "js", "search.js"));
        Assert.Contains($"var K1 = {SearchScoring.K1};", script);
    }

    [Theory]
    [InlineData("glutes", "gl", "es")]
    [InlineData("10", "10", "10")]
    [InlineData("γόνατο", "__", "__")]
    [InlineData("x", "x", "x")]
    public void Shard_keys_are_the_first_and_last_two_characters_with_others_as_underscore(string term, string first, string last)
    {
        Assert.Equal(first, SearchIndexLayout.TermKey(term));
        Assert.Equal(last, SearchIndexLayout.EndKey(term));
    }

    /// <summary>The index as the browser reads it.</summary>
    internal sealed class Index(TestSite site, string folder = "search/")
    {
        private readonly JsonElement _manifest = JsonDocument.Parse(site.ReadOutput($"{folder}manifest.json")).RootElement;

        public IReadOnlyList<string> Keys(string name) => _manifest.GetProperty(name).EnumerateArray().Select(k => k.GetString()!).ToList();

        public IReadOnlyList<string> Urls => Enumerable.Range(0, _manifest.GetProperty("documents").GetInt32())
            .Select(n => JsonDocument.Parse(site.ReadOutput($"{folder}pages/{n}.json")).RootElement[0].GetString()!).ToList();

        public int Doc(string url) => Urls.ToList().IndexOf(url);

        public IReadOnlyList<int> Docs(string term) => Postings(term).Select(p => p.Doc).ToList();

        public int Mask(string term, int doc) => Postings(term).Single(p => p.Doc == doc).Mask;

        private List<(int Doc, int Impact, int Mask)> Postings(string term)
        {
            var key = SearchIndexLayout.TermKey(term);
            if (!site.OutputExists($"{folder}terms/{key}.json"))
            {
                return [];
            }

            var shard = JsonDocument.Parse(site.ReadOutput($"{folder}terms/{key}.json")).RootElement.GetProperty("t");
            if (!shard.TryGetProperty(term, out var entry))
            {
                return [];
            }

            if (entry[0].ValueKind == JsonValueKind.String)
            {
                entry = JsonDocument.Parse(site.ReadOutput($"{folder}terms/{key}/{entry[0].GetString()}.json")).RootElement;
            }

            var numbers = entry.EnumerateArray().Select(e => e.GetInt32()).ToList();
            var postings = new List<(int, int, int)>();
            for (int i = 0, doc = 0; i + 2 < numbers.Count; i += 3)
            {
                doc += numbers[i];
                postings.Add((doc, numbers[i + 1], numbers[i + 2]));
            }

            return postings;
        }
    }
}
