using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Cms;

/// <summary>
/// The one place that names the files the build takes from outside the input and theme folders:
/// Decap CMS's prebuilt bundle, installed by <c>npm ci</c> from the repository's package.json into
/// node_modules/ beside the input folder. Only these files are read (never a symbolic link), and
/// only when site.yml has <c>cms:</c>.
/// </summary>
public static partial class CmsBundle
{
    /// <summary>The bundle's folder, relative to the folder holding the input folder.</summary>
    public const string Folder = "node_modules/decap-cms/dist";

    /// <summary>The CMS itself (it starts on load and reads config.yml beside the page).</summary>
    public const string Script = "decap-cms.js";

    /// <summary>The licences of the code bundled in it, which the script's first line points to.</summary>
    public const string Licenses = "decap-cms.js.LICENSE.txt";

    /// <summary>The bundle's lazily loaded chunks (code-block language modes), <c>123.decap-cms.js</c>.</summary>
    [GeneratedRegex(@"^[0-9]+\.decap-cms\.js$")]
    private static partial Regex Chunk();

    /// <summary>The bundle's files (name, absolute path), in order; null when the script is not installed.</summary>
    public static IReadOnlyList<(string Name, string Path)>? Find(string projectFolder)
    {
        var folder = Path.Combine(projectFolder, Folder.Replace('/', Path.DirectorySeparatorChar));
        if (!IsPlainFile(Path.Combine(folder, Script)))
        {
            return null;
        }

        return Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is Script or Licenses || Chunk().IsMatch(name))
            .Where(name => IsPlainFile(Path.Combine(folder, name)))
            .Order(StringComparer.Ordinal)
            .Select(name => (name, Path.Combine(folder, name)))
            .ToList();
    }

    private static bool IsPlainFile(string path) => new FileInfo(path) is { Exists: true, LinkTarget: null };
}

/// <summary>How the web editor is built: for the published site (GitHub backend), or for `serve` (its local backend).</summary>
/// <param name="ProjectFolder">The folder holding the input folder: the repository, where node_modules/ is.</param>
/// <param name="LocalBackend">The preview's local backend address, e.g. http://127.0.0.1:5080/api/v1; null for the published site.</param>
/// <param name="SiteUrl">The address of the site the editor's "view" links open; null for site.yml's base_url.</param>
public sealed record CmsOptions(string ProjectFolder, string InputFolder, string? LocalBackend = null, string? SiteUrl = null);

/// <summary>
/// Process phase (after the content pipelines): /admin/ — a page that loads the CMS, the config
/// generated from the front matter models (<see cref="CmsConfig"/>), and the CMS bundle copied
/// from node_modules. Nothing when site.yml has no <c>cms:</c>; a warning, and no /admin/, when the
/// bundle is not installed (the site still builds).
/// </summary>
public sealed class GenerateCmsFiles(SiteInputs inputs, CmsOptions options, string[] contentPipelines) : IModule
{
    public const string Folder = "admin";

    private static readonly ConcurrentDictionary<Type, MethodInfo> FacetGetters = new();

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, IExecutionContext context)
    {
        IReadOnlyList<Document> none = [];
        if (inputs.Config.Cms is null)
        {
            return Task.FromResult(none);
        }

        var bundle = CmsBundle.Find(options.ProjectFolder);
        if (bundle is null)
        {
            var at = inputs.ConfigLocations.GetValueOrDefault("cms", SourceLocation.InFile(inputs.Catalog.Display("site.yml")));
            context.Diagnostics.Add(Diagnostic.Warning(
                ErrorCodes.WebEditorMissing,
                at,
                $"the web editor (/admin/) is left out of this build: {CmsBundle.Folder}/{CmsBundle.Script} is not installed beside the input folder; run 'npm ci' in {SiteBuilder.DisplayPath(options.ProjectFolder)} (it needs Node.js) and build again"));
            return Task.FromResult(none);
        }

        var config = CmsConfig.Generate(inputs.Config, options.InputFolder, options.LocalBackend, options.SiteUrl ?? inputs.Config.BaseUrl, property => InUse(property, context));
        var result = new List<Document>
        {
            new(null, $"{Folder}/index.html", DocumentContent.FromText(AdminPage.Html(inputs.Config))),
            new(null, $"{Folder}/config.yml", DocumentContent.FromText(config)),
        };
        result.AddRange(bundle.Select(file => new Document($"{CmsBundle.Folder}/{file.Name}", $"{Folder}/{file.Name}", DocumentContent.FromFile(file.Path))));
        return Task.FromResult<IReadOnlyList<Document>>(result);
    }

    /// <summary>The values the site's pages already use for a property (an exercise's targets), so the form offers them.</summary>
    private IEnumerable<string> InUse(PropertyInfo property, IExecutionContext context)
    {
        var model = property.DeclaringType!;
        var get = FacetGetters.GetOrAdd(model, t => typeof(Document).GetMethod(nameof(Document.Get))!.MakeGenericMethod(t));
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var doc in contentPipelines.SelectMany(p => context.Outputs[p]))
        {
            if (get.Invoke(doc, null) is { } facet && property.GetValue(facet) is IEnumerable<object> items)
            {
                foreach (var item in items)
                {
                    if (item.ToString() is { Length: > 0 } text)
                    {
                        values.Add(text);
                    }
                }
            }
        }

        return values;
    }
}
