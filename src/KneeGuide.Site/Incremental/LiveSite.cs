using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// The site as the preview last built it, kept in memory between saves: each content page's
/// documents (as the index sees it and as produced), the site index, the produced site with every
/// page's links and ids, each page's link check result, which pages link to which anchors, and the
/// diagnostics that do not come from link checking. <see cref="BodyEdit"/> changes it one page at a time.
/// </summary>
public sealed class LiveSite
{
    private LiveSite(BuildState state, SiteIndex index, ProducedSite site, SiteValidation validation, bool outputInSync)
    {
        State = state;
        OutputInSync = outputInSync;
        Index = index;
        Site = site;
        Validation = new Dictionary<string, PageValidation>(validation.Pages, StringComparer.Ordinal);
        Markdown = MarkdownPipelineFactory.Create(state.Inputs.Credits);
        InlineMarkdown = MarkdownPipelineFactory.CreateInline();
    }

    public BuildState State { get; }

    public SiteIndex Index { get; set; }

    public ProducedSite Site { get; }

    public Markdig.MarkdownPipeline Markdown { get; }

    public Markdig.MarkdownPipeline InlineMarkdown { get; }

    /// <summary>Content pages as the site index holds them (Process phase), by source path.</summary>
    public Dictionary<string, Document> Indexed { get; } = new(StringComparer.Ordinal);

    /// <summary>Produced pages with their links (after PostProcess), by output path ("/articles/x/index.html").</summary>
    public Dictionary<string, Document> Pages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PageValidation> Validation { get; }

    public AnchorLinkGraph Anchors { get; private set; } = new();

    /// <summary>The search index files as last produced (output path -> JSON text); empty when the site has none.</summary>
    public Dictionary<string, string> SearchFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Published page URLs in ordinal order: a page's number in the search index.</summary>
    public IReadOnlyList<string> SearchUrls { get; private set; } = [];

    /// <summary>Every diagnostic of the current state except link checking's, which come from <see cref="Validation"/>.</summary>
    public IReadOnlyList<Diagnostic> OtherDiagnostics { get; set; } = [];

    /// <summary>
    /// Files changed since the preview folder was last written (a save with errors is not
    /// published), by output path; null for a file to delete.
    /// </summary>
    public Dictionary<string, string?> Unpublished { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The preview folder holds this state's output, apart from <see cref="Unpublished"/>. False after
    /// a failed full build (the folder keeps an older site), so only a full build can publish again.
    /// </summary>
    public bool OutputInSync { get; }

    /// <summary>
    /// The live state of a full build, or null when the build cannot be followed page by page: it
    /// checked external links (done per build, against servers) or has no per-page link results.
    /// </summary>
    public static LiveSite? From(BuildState state)
    {
        if (state.ChecksExternalLinks
            || state.Outputs[SitePipelineNames.SiteIndex].FirstOrDefault()?.Get<SiteIndex>() is not { } index
            || state.Outputs[SitePipelineNames.Validation].FirstOrDefault()?.Get<SiteValidation>() is not { } validation)
        {
            return null;
        }

        var produced = state.Outputs.PipelineNames.SelectMany(p => state.Outputs[p]).Where(d => d.Destination is not null).ToList();
        var live = new LiveSite(state, index, new ProducedSite(produced, index), validation, state.Published);
        foreach (var doc in index.Documents)
        {
            live.Indexed[doc.Source!] = doc;
        }

        foreach (var doc in produced.Where(d => d.Get<PageLinks>() is not null))
        {
            live.Pages["/" + doc.Destination] = doc;
        }

        foreach (var doc in state.Outputs[SitePipelineNames.SearchIndex].Where(d => d.Destination is not null))
        {
            live.SearchFiles[doc.Destination!] = doc.Content.ReadText();
        }

        live.SearchUrls = index.ByUrl.Keys.Order(StringComparer.Ordinal).ToList();
        live.Anchors = AnchorLinkGraph.Build(live.Site, live.Pages.Select(p => (p.Key, p.Value.Require<PageLinks>())));
        // Link checking's diagnostics are kept per page; the rest as they are. A diagnostic both
        // produced (identical code, place and message) would have been reported once anyway.
        var fromLinks = PageValidation.Combine(live.Validation.Values).ToHashSet();
        live.OtherDiagnostics = state.Diagnostics.Where(d => !fromLinks.Contains(d)).ToList();
        return live;
    }

    /// <summary>All diagnostics of the current state, sorted as a full build sorts them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics()
    {
        var bag = new DiagnosticBag();
        bag.AddRange(OtherDiagnostics);
        bag.AddRange(PageValidation.Combine(Validation.Values));
        return bag.Sorted();
    }

    public ValidationSummary Summary() =>
        new(Validation.Count, Validation.Values.Sum(v => v.Links), Validation.Values.Sum(v => v.Anchors), Validation.Values.Sum(v => v.ExternalLinks.Count));
}
