using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using KneeGuide.Site.Cms;
using KneeGuide.Site.Content;
using KneeGuide.Site.Schema;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Tests.Cms;

/// <summary>The web editor's generated config.yml, kept in step with the front matter models it comes from.</summary>
public sealed class CmsConfigTests
{
    private static readonly SiteConfig Site = new() { Title = "Test", BaseUrl = "https://test.example.org/", Cms = new CmsSettings { Repo = "clinic/site" } };

    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;

    private static YamlSequenceNode Fields(YamlMappingNode map) => (YamlSequenceNode)map[new YamlScalarNode("fields")];

    /// <summary>The collection (or settings file) of the config for each collection of the generator.</summary>
    private static IEnumerable<(CmsCollection Collection, YamlMappingNode Node)> Collections(YamlMappingNode root)
    {
        var collections = ((YamlSequenceNode)root["collections"]).Children.Cast<YamlMappingNode>().ToList();
        var files = collections.Single(c => Scalar(c, "name") == "settings")["files"];
        var all = collections.Concat(((YamlSequenceNode)files).Children.Cast<YamlMappingNode>()).ToList();
        return CmsConfig.Collections.Select(c => (c, all.Single(n => Scalar(n, "name") == c.Name)));
    }

    [Fact]
    public void Every_front_matter_property_is_a_field_with_the_models_required_pattern_and_range()
    {
        var root = Parse(CmsConfig.Generate(Site, "input", null, Site.BaseUrl));
        var checkedFields = 0;
        foreach (var (collection, node) in Collections(root))
        {
            checkedFields += CheckFields(collection.Model, Fields(node), parentOptional: false, collection.Name);
            if (collection.Folder is not null)
            {
                Assert.Equal($"input/{collection.Folder}", Scalar(node, "folder"));
                Assert.Equal("body", Scalar((YamlMappingNode)Fields(node).Children[^1], "name"));
            }
        }

        Assert.True(checkedFields > 60, $"only {checkedFields} fields checked");
    }

    private static int CheckFields(Type model, YamlSequenceNode fields, bool parentOptional, string where)
    {
        var byName = fields.Children.Cast<YamlMappingNode>().Where(f => Scalar(f, "name") != "body").ToDictionary(f => Scalar(f, "name")!);
        var members = FrontMatterSchemas.Members(model).ToList();
        Assert.Equal(members.Select(m => m.Key).Order(), byName.Keys.Order());
        var count = 0;
        foreach (var (key, property) in members)
        {
            var field = byName[key];
            var path = $"{where}.{key}";
            count++;
            var required = property.GetCustomAttribute<RequiredAttribute>() is not null && !parentOptional;
            Assert.True((Scalar(field, "required") ?? "true") == (required ? "true" : "false"), $"{path}: required should be {required}");
            if (property.GetCustomAttribute<RangeAttribute>() is { } range)
            {
                Assert.Equal(range.Minimum.ToString(), Scalar(field, "min"));
                Assert.Equal(range.Maximum.ToString(), Scalar(field, "max"));
            }

            if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } pattern)
            {
                Assert.Equal(pattern.Pattern, ((YamlScalarNode)((YamlSequenceNode)field["pattern"]).Children[0]).Value);
            }

            if (property.GetCustomAttribute<ItemPatternAttribute>() is { } items)
            {
                var item = (YamlMappingNode)field["field"];
                Assert.Equal(items.Pattern, ((YamlScalarNode)((YamlSequenceNode)item["pattern"]).Children[0]).Value);
            }

            if (property.GetCustomAttribute<ReferencesAttribute>() is { } references)
            {
                Assert.Equal("relation", Scalar(field, "widget"));
                Assert.Equal(CmsConfig.Collections.First(c => c.Kind == references.Kind).Name, Scalar(field, "collection"));
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsEnum)
            {
                Assert.Equal("select", Scalar(field, "widget"));
                Assert.Equal(Enum.GetNames(type).Select(n => n.ToLowerInvariant()), ((YamlSequenceNode)field["options"]).Children.Select(o => ((YamlScalarNode)o).Value));
            }

            if (type == typeof(DateOnly))
            {
                Assert.Equal("YYYY-MM-DD", Scalar(field, "format"));
                Assert.Equal("true", Scalar(field, "picker_utc"));
            }

            if (Scalar(field, "widget") == "object")
            {
                count += CheckFields(type, Fields(field), parentOptional: !required, path);
            }
            else if (Scalar(field, "widget") == "list" && field.Children.ContainsKey(new YamlScalarNode("fields")))
            {
                count += CheckFields(type.GetGenericArguments()[0], Fields(field), parentOptional: false, path);
            }
        }

        return count;
    }

    [Fact]
    public void The_published_editor_uses_github_with_pull_requests_and_the_previews_saves_in_place()
    {
        var published = Parse(CmsConfig.Generate(Site, "input", null, Site.BaseUrl));
        var backend = (YamlMappingNode)published["backend"];
        Assert.Equal("github", Scalar(backend, "name"));
        Assert.Equal("clinic/site", Scalar(backend, "repo"));
        Assert.Equal("main", Scalar(backend, "branch"));
        Assert.Equal("https://api.netlify.com", Scalar(backend, "base_url"));
        Assert.Equal("editorial_workflow", Scalar(published, "publish_mode"));
        Assert.False(published.Children.ContainsKey(new YamlScalarNode("local_backend")));

        var preview = Parse(CmsConfig.Generate(Site, "input", "http://127.0.0.1:5099/api/v1", "http://127.0.0.1:5099/"));
        Assert.Equal("http://127.0.0.1:5099/api/v1", Scalar((YamlMappingNode)preview["local_backend"], "url"));
        Assert.Null(Scalar(preview, "publish_mode"));
        Assert.Equal("http://127.0.0.1:5099/", Scalar(preview, "site_url"));
    }

    [Fact]
    public void The_config_has_no_empty_defaults_and_writes_bare_image_names_and_is_the_same_every_time()
    {
        var text = CmsConfig.Generate(Site, "input", null, Site.BaseUrl);
        Assert.Equal(text, CmsConfig.Generate(Site, "input", null, Site.BaseUrl));
        Assert.DoesNotContain("default: ''", text);
        Assert.DoesNotContain("default: \"\"", text);
        Assert.DoesNotContain("\r", text);
        var images = Regex.Matches(text, @"widget: image\n(\s+)choose_url: false\n\s+media_folder: /input/images\n\s+public_folder: ''");
        Assert.Equal(4, images.Count); // articles, mobility, exercises, and the file of each credit
    }

    [Fact]
    public void Vocabulary_selects_also_offer_the_values_the_site_already_uses()
    {
        var targets = typeof(ExerciseFrontMatter).GetProperty(nameof(ExerciseFrontMatter.Targets))!;
        var text = CmsConfig.Generate(Site, "input", null, Site.BaseUrl, p => p == targets ? ["adductors", "zz-neck"] : []);
        var exercises = Collections(Parse(text)).Single(c => c.Collection.Name == "exercises").Node;
        var field = Fields(exercises).Children.Cast<YamlMappingNode>().Single(f => Scalar(f, "name") == "targets");
        var options = ((YamlSequenceNode)field["options"]).Children.Select(o => ((YamlScalarNode)o).Value).ToList();
        Assert.Equal(targets.GetCustomAttribute<VocabularyAttribute>()!.Values.Append("zz-neck"), options);
        Assert.Equal("1", Scalar(field, "min"));
    }

    [Theory]
    [InlineData("knee-pain")]
    [InlineData("runners-knee")]
    [InlineData("rodilla-niño")]
    [InlineData("2026")]
    [InlineData("Knee Pain")]
    [InlineData("knee_pain")]
    [InlineData("-knee")]
    [InlineData("knee--pain")]
    [InlineData("../x")]
    public void The_editors_tag_pattern_accepts_nothing_the_build_refuses(string tag)
    {
        var editor = new Regex(FrontMatterValueRules.TagSlugEditorPattern, RegexOptions.ECMAScript);
        if (editor.IsMatch(tag))
        {
            Assert.True(FrontMatterValueRules.IsTagSlug(tag), $"the form accepts '{tag}', which the build refuses");
        }
        else
        {
            Assert.False(tag is "knee-pain" or "runners-knee" or "rodilla-niño" or "2026", $"the form refuses the ordinary tag '{tag}'");
        }
    }

    [Theory]
    [InlineData("/blog/old-name/", true)]
    [InlineData("/old", true)]
    [InlineData("/a b/", false)]
    [InlineData("/a#b", false)]
    [InlineData("https://example.org/x", false)]
    public void The_editors_redirect_pattern_accepts_nothing_the_build_refuses(string path, bool ordinary)
    {
        var editor = new Regex(FrontMatterValueRules.RedirectEditorPattern, RegexOptions.ECMAScript);
        Assert.Equal(ordinary, editor.IsMatch(path));
        if (editor.IsMatch(path))
        {
            Assert.True(FrontMatterValueRules.IsRedirectSource(path));
        }
    }

    [Fact]
    public void Netlify_sends_the_editors_policy_for_admin_and_the_site_keeps_its_own()
    {
        var toml = File.ReadAllText(Path.Combine(Support.TestSite.RepositoryRoot, "netlify.toml"));
        var blocks = toml.Split("[[headers]]").Skip(1).ToList();
        string Csp(string path) => Regex.Match(blocks.Single(b => b.Contains($"for = \"{path}\"")), "Content-Security-Policy = \"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(AdminPage.ContentSecurityPolicy, Csp("/admin/*"));
        Assert.DoesNotContain("unsafe", Csp("/*"));
        Assert.True(toml.IndexOf("for = \"/admin/*\"", StringComparison.Ordinal) > toml.IndexOf("for = \"/*\"", StringComparison.Ordinal), "the /admin/* block must come after /* to replace its policy");
    }

    [Fact]
    public void Layout_names_only_folders_and_files_under_the_input_folder()
    {
        var layout = CmsConfig.Layout("input");
        Assert.Equal(["input/articles", "input/mobility", "input/exercises"], layout.Folders);
        Assert.Equal("input/images", layout.MediaFolder);
        Assert.Equal(["input/site.yml", "input/images/credits.yml"], layout.Files);
    }
}
