using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;

namespace KneeGuide.Site.Markdown;

/// <summary>The HTML of an exercise's steps (inline Markdown in front matter) and the links in them.</summary>
public sealed record RenderedSteps(IReadOnlyList<string> Html, IReadOnlyList<LinkReference> Links);

/// <summary>Process phase: renders each page's Markdown body once (and an exercise's steps).</summary>
public sealed class RenderMarkdown : ParallelModule
{
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var page = input.Require<ContentPage>();
        if (page.Failed)
        {
            return input;
        }

        var renderer = context.GetService<MarkdownRenderer>();
        var rendered = renderer.Render(input.Content.ReadText(), page.Source);
        var document = input.With(rendered);
        if (input.Get<ExerciseFrontMatter>() is { } exercise)
        {
            var links = new List<LinkReference>();
            var steps = exercise.Steps.Select(step => renderer.RenderInline(step, page.Source, links)).ToList();
            document = document.With(new RenderedSteps(steps, links));
        }

        return document;
    }
}
