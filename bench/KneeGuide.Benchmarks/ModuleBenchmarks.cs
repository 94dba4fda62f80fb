using BenchmarkDotNet.Attributes;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.Templates;

namespace KneeGuide.Benchmarks;

/// <summary>
/// The per-page work of a build, one module at a time, on a typical corpus article (the one of median
/// length among the generated articles) and its produced page.
/// </summary>
[MemoryDiagnoser]
public class ModuleBenchmarks
{
    private MarkdownRenderer _renderer = null!;
    private string _articleSource = "";
    private string _articleText = "";
    private string _frontMatter = "";
    private YamlDotNet.RepresentationModel.YamlNode _frontMatterNode = null!;
    private string _producedPage = "";
    private ProducedSite _site = null!;
    private PageLinks _pageLinks = null!;
    private List<(PageLinks Page, string Href)> _allLinks = [];

    [GlobalSetup]
    public void Setup()
    {
        var diagnostics = new DiagnosticBag();
        var inputs = SiteInputs.Load(BenchCorpus.Input, "input", diagnostics);
        _renderer = new MarkdownRenderer(MarkdownPipelineFactory.Create(inputs.Credits), MarkdownPipelineFactory.CreateInline(), inputs.Catalog, diagnostics);

        var articles = inputs.Catalog.FilesOf(ContentKind.Article)
            .Select(f => (Source: f, Text: File.ReadAllText(inputs.Catalog.AbsolutePath(f))))
            .OrderBy(a => a.Text.Length).ThenBy(a => a.Source, StringComparer.Ordinal).ToList();
        (_articleSource, _articleText) = articles[articles.Count / 2];
        _frontMatter = FrontMatterSplitter.Split(_articleText, _articleSource, diagnostics)
            ?? throw new InvalidOperationException($"{_articleSource} has no front matter");
        _frontMatterNode = YamlText.Parse(_frontMatter, _articleSource, 1, diagnostics)
            ?? throw new InvalidOperationException($"{_articleSource}: front matter does not parse");

        var pageUrl = "/articles/" + Path.GetFileNameWithoutExtension(_articleSource) + "/";
        _producedPage = File.ReadAllText(Path.Combine(BenchCorpus.BuiltSite, pageUrl.Trim('/'), "index.html"));
        (_site, var pages) = LoadProducedSite(BenchCorpus.BuiltSite);
        _pageLinks = pages[pageUrl];
        _allLinks = pages.Values.SelectMany(p => p.Links.Select(l => (p, l.Href))).ToList();
        if (diagnostics.Count > 0)
        {
            throw new InvalidOperationException("the benchmark corpus has problems: " + string.Join("\n", diagnostics.Sorted()));
        }

        // Printed into the BenchmarkDotNet log, so the numbers can be read per page and per link.
        Console.WriteLine($"// corpus: {pages.Count} HTML pages, {_allLinks.Count} links; typical article {_articleSource} ({_articleText.Length} chars, front matter {_frontMatter.Length} chars), its page {_producedPage.Length} chars with {_pageLinks.Links.Count} links and {_pageLinks.Ids.Count} ids");
    }

    /// <summary>
    /// The built site as link validation sees it: every file, and for every HTML page its links and ids.
    /// The links and ids are read back with the template scanner here (the build collects them while
    /// rendering instead), which gives the same set for the generated corpus.
    /// </summary>
    private static (ProducedSite Site, Dictionary<string, PageLinks> Pages) LoadProducedSite(string root)
    {
        var documents = new List<Document>();
        var pages = new Dictionary<string, PageLinks>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var destination = Path.GetRelativePath(root, file).Replace('\\', '/');
            var document = new Document(null, destination);
            if (destination.EndsWith(".html", StringComparison.Ordinal))
            {
                var url = "/" + (destination.EndsWith("index.html", StringComparison.Ordinal) ? destination[..^"index.html".Length] : destination);
                var links = new List<LinkReference>();
                var ids = new List<(string Id, SourceLocation At)>();
                TemplateOutputScanner.Scan(File.ReadAllText(file), new SourceLocation(destination, 1, 1), links, ids);
                var page = new PageLinks(url, links, ids.Select(i => i.Id).ToHashSet(StringComparer.Ordinal), []);
                pages[url] = page;
                document = document.With(page);
            }

            documents.Add(document);
        }

        return (new ProducedSite(documents, EmptyIndex()), pages);
    }

    private static SiteIndex EmptyIndex() => new()
    {
        Documents = [],
        ByUrl = new Dictionary<string, Document>(),
        Exercises = new Dictionary<string, Document>(),
        MobilityPages = new Dictionary<string, Document>(),
        Articles = [],
        Tags = new Dictionary<string, IReadOnlyList<Document>>(),
        ExerciseUsedBy = new Dictionary<string, IReadOnlyList<Document>>(),
        MobilityLinkedFrom = new Dictionary<string, IReadOnlyList<Document>>(),
        DraftUrls = new HashSet<string>(StringComparer.Ordinal),
        FailedUrls = new HashSet<string>(StringComparer.Ordinal),
        Redirects = new Dictionary<string, string>(StringComparer.Ordinal),
        UsedImages = new Dictionary<string, SourceLocation>(),
    };

    /// <summary>Parse + link rewriting + heading/id/link collection + HTML of one article body.</summary>
    [Benchmark]
    public RenderedMarkdown MarkdownRender() => _renderer.Render(_articleText, _articleSource);

    /// <summary>Links and ids of one whole produced article page (the build scans only the theme's part of it).</summary>
    [Benchmark]
    public int TemplateScan()
    {
        var links = new List<LinkReference>();
        var ids = new List<(string Id, SourceLocation At)>();
        TemplateOutputScanner.Scan(_producedPage, new SourceLocation("theme/layouts/article.liquid", 1, 1), links, ids);
        return links.Count + ids.Count;
    }

    /// <summary>Every link (and anchor) on that article page checked against the produced site.</summary>
    [Benchmark]
    public int ProducedSiteCheckOnePage()
    {
        var problems = 0;
        foreach (var link in _pageLinks.Links)
        {
            if (_site.Check(_pageLinks, link.Href).Problem is not null)
            {
                problems++;
            }
        }

        return problems;
    }

    /// <summary>Every link of every produced page: the checking part of validation for the whole site.</summary>
    [Benchmark]
    public int ProducedSiteCheckWholeSite()
    {
        var problems = 0;
        foreach (var (page, href) in _allLinks)
        {
            if (_site.Check(page, href).Problem is not null)
            {
                problems++;
            }
        }

        return problems;
    }

    /// <summary>Typed article front matter from its already parsed YAML nodes.</summary>
    [Benchmark]
    public ArticleFrontMatter? YamlBind() => new YamlBinder(_articleSource, 1, new DiagnosticBag()).Bind<ArticleFrontMatter>(_frontMatterNode);

    /// <summary>What ParseFrontMatter does per file: YAML text to nodes, then binding.</summary>
    [Benchmark]
    public ArticleFrontMatter? YamlParseAndBind()
    {
        var diagnostics = new DiagnosticBag();
        var node = YamlText.Parse(_frontMatter, _articleSource, 1, diagnostics);
        return node is null ? null : new YamlBinder(_articleSource, 1, diagnostics).Bind<ArticleFrontMatter>(node);
    }
}
