using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Links;

namespace KneeGuide.Site.Markdown;

/// <summary>The HTML of an exercise's steps (inline Markdown in front matter) and the links in them.</summary>
public sealed record RenderedSteps(IReadOnlyList<string> Html, IReadOnlyList<LinkReference> Links);

/// <summary>
/// Process phase: renders each page's Markdown body once (and an exercise's steps). The document's
/// content, the Markdown source, is released once rendered.
/// </summary>
public sealed class RenderMarkdown : ParallelModule
{
    protected override Document? Execute(Document input, IDocumentContext context)
    {
        var page = input.Require<ContentPage>();
        if (page.Failed)
        {
            return input.WithContent(DocumentContent.Empty);
        }

        var renderer = context.GetService<MarkdownRenderer>();
        var text = input.Content.ReadText();
        try
        {
            var checkLinks = page.LinkCheck;
            var paragraphs = new List<(string Text, SourceLocation At)>();
            var (rendered, plainText, facts) = renderer.RenderWithText(text, page.Source, context.Diagnostics, context.Reads, checkLinks, hasLeadImage: page.Image is not null, paragraphs: paragraphs);
            // The source text is not needed after this: let it go rather than hold every page's
            // Markdown until the end of the build.
            var document = input.WithContent(DocumentContent.Empty).With(rendered).With(new BodyText(plainText));
            if (input.Get<ExerciseFrontMatter>() is { } exercise)
            {
                var links = new List<LinkReference>();
                var missing = new List<MissingLinkTarget>();
                var steps = exercise.Steps.Select(step => renderer.RenderInline(step, page.Source, context.Diagnostics, context.Reads, links, missing)).ToList();
                document = document.With(new RenderedSteps(steps, links));
                // The patient reads the steps and the cautions too: they are scored with the body.
                paragraphs.AddRange(exercise.Steps.Select(s => (StripMarkdown(s.Value), s.Location)));
                paragraphs.AddRange(exercise.Cautions.Select(c => (c.Value, c.Location)));
                facts = facts.With(links, missing);
            }

            return document.With(facts).With(new Readability.ReadableText(paragraphs));
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig refuses pathological nesting (thousands of '>' or list levels) with an
            // exception; the editor gets an error at the deepest line instead of a crashed build.
            context.Diagnostics.Add(Diagnostic.Error(
                ErrorCodes.UnreadableFile,
                new SourceLocation(page.Display, DeepestLine(text), 1),
                "the Markdown is nested too deeply to render (quotes, lists or brackets inside each other hundreds of times): flatten it"));
            return input.WithContent(DocumentContent.Empty);
        }
    }

    /// <summary>A step's words without its Markdown marks (**bold**, links' targets).</summary>
    private static string StripMarkdown(string step) => Markdig.Markdown.ToPlainText(step).Trim();

    /// <summary>The 1-based line with the longest run of nesting characters at its start.</summary>
    private static int DeepestLine(string text)
    {
        var lines = text.Split('\n');
        var best = 0;
        var bestDepth = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var depth = lines[i].TakeWhile(c => c is ' ' or '\t' or '>' or '-' or '*' or '+' or '[' or '_' || char.IsAsciiDigit(c) || c == '.').Count();
            if (depth > bestDepth)
            {
                (best, bestDepth) = (i, depth);
            }
        }

        return best + 1;
    }
}
