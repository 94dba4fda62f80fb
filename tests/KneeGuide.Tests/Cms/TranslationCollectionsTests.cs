using System.Reflection;
using KneeGuide.Site.Cms;
using KneeGuide.Site.Content;
using KneeGuide.Site.Schema;
using KneeGuide.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Tests.Cms;

/// <summary>
/// The web editor of a site in more than one language: one collection of translations per folder and
/// language, whose form is the translation model the build binds, so that what the editor writes
/// (x.es.md, only the words) is what the build reads.
/// </summary>
public sealed class TranslationCollectionsTests
{
    private static readonly SiteConfig OneLanguage = new() { Title = "Test", BaseUrl = "https://test.example.org/", Cms = new CmsSettings { Repo = "clinic/site" } };

    private static readonly SiteConfig ThreeLanguages = new()
    {
        Title = "Test",
        BaseUrl = "https://test.example.org/",
        Cms = new CmsSettings { Repo = "clinic/site" },
        Languages =
        [
            new SiteLanguage { Code = new("en", default), Name = "English" },
            new SiteLanguage { Code = new("es", default), Name = "Español" },
            new SiteLanguage { Code = new("ar", default), Name = "العربية", Dir = "rtl" },
        ],
    };

    private static List<YamlMappingNode> Collections(SiteConfig site)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(CmsConfig.Generate(site, "input", null, site.BaseUrl)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlSequenceNode)root["collections"]).Children.Cast<YamlMappingNode>().ToList();
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;

    private static List<YamlMappingNode> Fields(YamlMappingNode map) => ((YamlSequenceNode)map[new YamlScalarNode("fields")]).Children.Cast<YamlMappingNode>().ToList();

    private static YamlMappingNode Named(IEnumerable<YamlMappingNode> nodes, string name) => nodes.Single(n => Scalar(n, "name") == name);

    [Fact]
    public void A_site_in_one_language_has_the_folders_and_settings_only_as_before()
    {
        var collections = Collections(OneLanguage);
        Assert.Equal(["articles", "mobility", "exercises", "settings"], collections.Select(c => Scalar(c, "name")));
        Assert.Equal("Articles", Scalar(collections[0], "label"));
        Assert.All(collections, c => Assert.False(c.Children.ContainsKey(new YamlScalarNode("view_filters"))));
    }

    [Fact]
    public void Each_other_language_has_a_collection_of_translations_per_folder_named_in_that_language()
    {
        var collections = Collections(ThreeLanguages);
        Assert.Equal(
            ["articles", "mobility", "exercises", "articles-es", "mobility-es", "exercises-es", "articles-ar", "mobility-ar", "exercises-ar", "settings"],
            collections.Select(c => Scalar(c, "name")));
        Assert.Equal("Articles (English)", Scalar(collections[0], "label"));

        var spanish = Named(collections, "exercises-es");
        Assert.Equal("Exercises (Español)", Scalar(spanish, "label"));
        Assert.Equal("Exercise (Español)", Scalar(spanish, "label_singular"));
        Assert.Equal("input/exercises", Scalar(spanish, "folder"));
        Assert.Equal("es.md", Scalar(spanish, "extension")); // lists x.es.md only, and its slug is the original's name (x)
        Assert.Equal("frontmatter", Scalar(spanish, "format"));
        Assert.Equal("false", Scalar(spanish, "create"));
        Assert.Equal("es/exercises/{{slug}}/", Scalar(spanish, "preview_path"));
        Assert.Equal("Articles (العربية)", Scalar(Named(collections, "articles-ar"), "label"));
        Assert.Equal("ar.md", Scalar(Named(collections, "articles-ar"), "extension"));
    }

    [Theory]
    [InlineData("articles-es", ContentKind.Article)]
    [InlineData("mobility-es", ContentKind.Mobility)]
    [InlineData("exercises-es", ContentKind.Exercise)]
    [InlineData("exercises-ar", ContentKind.Exercise)]
    public void A_translations_form_has_the_translation_models_keys_and_nothing_that_comes_from_the_original(string name, ContentKind kind)
    {
        var model = Translations.ModelOf(kind);
        var fields = Fields(Named(Collections(ThreeLanguages), name));
        Assert.Equal("body", Scalar(fields[^1], "name"));
        Assert.Equal(Formable(model), fields.SkipLast(1).Select(f => Scalar(f, "name")!));

        // Every key of the original that the translation may not carry (KG1703) is absent.
        var original = CmsConfig.Collections.First(c => c.Kind == kind).Model;
        var fromOriginal = Translations.KeysOf(original).Except(Translations.KeysOf(model)).ToList();
        Assert.NotEmpty(fromOriginal);
        Assert.All(fromOriginal, key => Assert.DoesNotContain(key, fields.Select(f => Scalar(f, "name"))));

        // Nested objects (a dosage, a review) follow their model the same way.
        foreach (var (key, property) in FrontMatterSchemas.Members(model))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsClass && type != typeof(string) && !type.IsGenericType)
            {
                var field = Named(fields, key);
                Assert.Equal("object", Scalar(field, "widget"));
                Assert.Equal(Formable(type), Fields(field).Select(f => Scalar(f, "name")!));
            }
        }
    }

    [Fact]
    public void A_translated_dosage_offers_its_frequency_only_not_the_originals_numbers()
    {
        var dosage = Named(Fields(Named(Collections(ThreeLanguages), "exercises-es")), "dosage");
        Assert.Equal(["frequency"], Fields(dosage).Select(f => Scalar(f, "name")));
        Assert.Equal("false", Scalar(dosage, "required"));

        // The same properties are the ones the build compares with the original's (KG1704).
        var checkedByBuild = typeof(TranslatedDosage).GetProperties().Where(p => p.IsDefined(typeof(MatchesOriginalAttribute))).Select(p => p.Name);
        Assert.Equal(["Sets", "Reps", "HoldSeconds", "Side"], checkedByBuild);
        Assert.All(checkedByBuild, p => Assert.NotNull(typeof(Dosage).GetProperty(p)));
    }

    [Fact]
    public void The_originals_collections_offer_a_filter_that_leaves_out_the_translations_Decap_lists_beside_them()
    {
        var collections = Collections(ThreeLanguages);
        foreach (var (name, key) in new[] { ("articles", "date"), ("mobility", "date"), ("exercises", "targets") })
        {
            var filter = (YamlMappingNode)((YamlSequenceNode)Named(collections, name)["view_filters"]).Children.Single();
            Assert.Equal(key, Scalar(filter, "field"));
            Assert.Equal(".", Scalar(filter, "pattern"));
            Assert.Equal("Only English, no translations", Scalar(filter, "label"));
        }

        Assert.All(collections.Where(c => Scalar(c, "name")!.Contains('-')), c => Assert.False(c.Children.ContainsKey(new YamlScalarNode("view_filters"))));
    }

    /// <summary>
    /// A translation as the editor writes it, with every field of its form filled in (Decap's front
    /// matter: YAML in the form's field order between --- lines, then the body), builds with no
    /// error and no warning, and its page is published in its language with the original's dosage.
    /// </summary>
    [Fact]
    public async Task A_translation_with_every_field_of_its_form_filled_in_builds_with_no_diagnostics()
    {
        using var site = new TestSite();
        site.Write("site.yml", site.ReadInput("site.yml") + "\ncms:\n  repo: clinic/site\n" + TestSite.EnglishAndSpanish);
        TestSite.InstallCmsBundleStandIn(site.Root);

        // The form as the build publishes it in /admin/config.yml.
        var first = await site.BuildAsync(strict: true);
        Assert.True(first.Published, string.Join("\n", first.Diagnostics));
        var stream = new YamlStream();
        stream.Load(new StringReader(site.ReadOutput("admin/config.yml")));
        var collections = ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["collections"]).Children.Cast<YamlMappingNode>().ToList();
        foreach (var (name, original) in new[] { ("articles-es", "articles/sample"), ("mobility-es", "mobility/mobility-basics"), ("exercises-es", "exercises/heel-raises") })
        {
            var fields = Fields(Named(collections, name));
            var yaml = string.Concat(fields.SkipLast(1).Select(f => Yaml(f, "")));
            site.Write($"{original}.es.md", $"---\n{yaml}---\nTexto en español.\n");
        }

        var result = await site.BuildAsync(strict: true);
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var page = site.ReadOutput("es/exercises/heel-raises/index.html");
        Assert.Contains("lang=\"es\"", page);
        Assert.Contains("Texto de title", page);
        Assert.Contains("Texto de frequency", page);
    }

    /// <summary>
    /// The default language's exercise picker also offers translations (Decap lists every .md of the
    /// folder); one picked there (its slug is heel-raises.es) is an error at its line, as the guide says.
    /// </summary>
    [Fact]
    public async Task A_translation_picked_as_an_originals_exercise_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Write("site.yml", site.ReadInput("site.yml") + "\n" + TestSite.EnglishAndSpanish);
        site.Write("exercises/heel-raises.es.md", "---\ntitle: Elevaciones de talón\nsummary: Fortalece las pantorrillas.\n---\n");
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("exercises: [heel-raises]", "exercises: [heel-raises.es]"));
        var result = await site.BuildAsync();
        Assert.False(result.Published);
        Assert.Contains("KG1203 articles/sample.md:6:13", result.Diagnostics.Select(site.DescribeRelative));
    }

    /// <summary>A value for a field, by its widget, as Decap's YAML writer would put it.</summary>
    private static string Yaml(YamlMappingNode field, string indent)
    {
        var name = Scalar(field, "name")!;
        return Scalar(field, "widget") switch
        {
            "string" or "text" => $"{indent}{name}: Texto de {name}\n",
            "datetime" => $"{indent}{name}: 2026-06-01\n",
            "list" => $"{indent}{name}:\n{indent}  - Primer {name}\n{indent}  - Segundo {name}\n",
            "object" => $"{indent}{name}:\n" + string.Concat(Fields(field).Select(f => Yaml(f, indent + "  "))),
            var widget => throw new InvalidOperationException($"the test has no value for a {widget} field ({name}): add one"),
        };
    }

    /// <summary>The keys of a model the form shows, in the model's order.</summary>
    private static IEnumerable<string> Formable(Type model) =>
        FrontMatterSchemas.Members(model).Where(m => !m.Property.IsDefined(typeof(MatchesOriginalAttribute))).Select(m => m.Key);
}
