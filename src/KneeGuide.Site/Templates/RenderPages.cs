using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Templates;

/// <summary>
/// PostProcess phase: renders each published Markdown page through the theme. Runs after every
/// pipeline's Process phase, so cross-links (where an exercise is used, what points to a mobility
/// page) are complete.
/// </summary>
public sealed class RenderPages : ParallelModule
{
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var page = input.Require<ContentPage>();
        if (!page.Published || input.Destination is null)
        {
            return input;
        }

        var renderer = context.GetService<PageRendererFactory>().Get(context);
        var view = renderer.Views.Page(input);
        var body = input.Get<RenderedMarkdown>();
        var steps = input.Get<RenderedSteps>();
        var links = (body?.Links ?? []).Concat(steps?.Links ?? []).ToList();
        // The page goes into a pooled buffer that WriteFiles gives back once it has written it.
        var rendered = renderer.Render(view.Kind, view, body?.Utf8Html, links, body?.Ids ?? [], context.Diagnostics, steps?.Html, rentBuffer: true);
        return input.WithContent(rendered.Content).With(rendered.Links);
    }
}

/// <summary>
/// Builds the one <see cref="PageRenderer"/> of a build lazily, from the site index, the first time a
/// PostProcess module asks for it.
/// </summary>
public sealed class PageRendererFactory(SiteInputs inputs, ThemeTemplates theme)
{
    private readonly Lock _lock = new();
    private PageRenderer? _renderer;

    public PageRenderer Get(IExecutionContext context)
    {
        lock (_lock)
        {
            if (_renderer is null)
            {
                var index = context.Outputs[SitePipelineNames.SiteIndex][0].Require<SiteIndex>();
                _renderer = new PageRenderer(theme, new ViewModelFactory(inputs, index));
            }

            return _renderer;
        }
    }

    public static SiteIndex Index(IExecutionContext context) => context.Outputs[SitePipelineNames.SiteIndex][0].Require<SiteIndex>();
}
