using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown.Extensions.CareCard;
using KneeGuide.Site.Markdown.Extensions.Media;
using KneeGuide.Site.Media;
using KneeGuide.Site.Markdown.Extensions.CreditedFigure;
using KneeGuide.Site.Markdown.Extensions.ExerciseCard;
using KneeGuide.Site.Markdown.Extensions.HeadingId;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace KneeGuide.Site.Markdown;

/// <summary>The one Markdig pipeline of the build: every page is parsed with exactly these extensions.</summary>
public static class MarkdownPipelineFactory
{
    public static MarkdownPipeline Create(IReadOnlyDictionary<string, ImageCredit> credits, MediaLibrary? media = null, IReadOnlyDictionary<string, ImageCredit>? videoCredits = null)
    {
        media ??= MediaLibrary.Empty;
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePreciseSourceLocation()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .Use<HeadingIdExtension>()
            .UseAlertBlocks()
            .UseAbbreviations()
            .UseCustomContainers()
            .UseDefinitionLists()
            .UseEmphasisExtras()
            .UseFootnotes()
            .UseGridTables()
            .UsePipeTables()
            .UseListExtras()
            .UseTaskLists()
            .UseAutoLinks()
            .UseFigures();
        builder.Extensions.Add(new CareCardExtension());
        builder.Extensions.Add(new ExerciseCardExtension());
        builder.Extensions.Add(new CreditedFigureExtension(credits, media));
        builder.Extensions.Add(new MediaExtension(media, videoCredits ?? new Dictionary<string, ImageCredit>()));
        return builder.Build();
    }

    /// <summary>A pipeline for inline Markdown in front matter (exercise steps): no front matter, no ids.</summary>
    public static MarkdownPipeline CreateInline() =>
        new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .Build();
}
