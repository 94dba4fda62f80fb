using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Templates;

/// <summary>
/// PostProcess phase: renders each published Markdown page through the theme. Runs after every
/// pipeline's Process phase, so cross-links (where an exercise is used, what points to a mobility
/// page) are complete. What the page shows of other pages, of site.yml and of the theme is recorded
/// as facts, so the cached page is reused until one of them changes.
/// </summary>
public sealed class RenderPages : ParallelModule
{
    protected override Document? Execute(Document input, IDocumentContext context)
    {
        var page = input.Require<ContentPage>();
        if (!page.Published || input.Destination is null)
        {
            return input;
        }

        var facts = context.GetService<SiteFacts>();
        context.Reads.Read(facts, SiteFacts.ConfigKey);
        context.Reads.Read(facts, SiteFacts.ThemeKey);
        var renderer = context.GetService<PageRendererFactory>().Get(context);
        var view = renderer.Views.Page(input, context.Reads);
        var body = input.Get<RenderedMarkdown>();
        var steps = input.Get<RenderedSteps>();
        var links = (body?.Links ?? []).Concat(steps?.Links ?? []).ToList();
        var rendered = renderer.Render(view.Kind, view, body?.Utf8Html, links, body?.Ids ?? [], context.Diagnostics, context.Reads, steps?.Html);
        return input.WithContent(rendered.Content).With(rendered.Links);
    }
}

/// <summary>Builds the one <see cref="PageRenderer"/> of a build lazily, the first time a PostProcess module asks for it.</summary>
public sealed class PageRendererFactory(ThemeTemplates theme, SiteFacts facts)
{
    // The views were made with the site index (BuildSiteIndex), before any page could ask. Lazy
    // takes no lock once the renderer exists: every page of a build asks for it.
    private readonly Lazy<PageRenderer> _renderer = new(() => new PageRenderer(theme, facts.Views));

    public PageRenderer Get(IExecutionContext context) => _renderer.Value;

    public static SiteIndex Index(IExecutionContext context) => context.Outputs[SitePipelineNames.SiteIndex][0].Require<SiteIndex>();
}
