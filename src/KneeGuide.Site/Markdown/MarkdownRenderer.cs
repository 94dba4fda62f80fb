using System.Text;
using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown.Extensions.CreditedFigure;
using KneeGuide.Site.Markdown.Extensions.ExerciseCard;
using KneeGuide.Site.Markdown.Extensions.Media;
using KneeGuide.Site.Media;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KneeGuide.Site.Markdown;

/// <summary>
/// Parses a Markdown source once and, in one walk over the syntax tree, rewrites its links, checks
/// its images, and collects its headings, ids and links with their source positions, so nothing has
/// to parse the produced HTML again to validate it. What it looks up outside the page (does a linked
/// file exist, an image's credit) is recorded as a fact in the page's <see cref="ReadSet"/>, and what it
/// reports goes to the page's own diagnostics: the build cache keeps both with the result.
/// </summary>
public sealed class MarkdownRenderer(MarkdownPipeline pipeline, MarkdownPipeline inlinePipeline, SourceCatalog catalog, IFactSource facts, MediaLibrary? media = null, SiteInputs? inputs = null)
{
    /// <summary>The Markdown link title that makes a YouTube or Vimeo link alone on its line a player: [Why load matters](https://www.youtube.com/watch?v=ID "video").</summary>
    public const string VideoTitle = "video";

    private readonly MediaLibrary _media = media ?? MediaLibrary.Empty;
    private readonly SiteInputs _inputs = inputs ?? new SiteInputs { Catalog = catalog, Config = new SiteConfig(), Credits = new Dictionary<string, ImageCredit>(), CreditLocations = new Dictionary<string, SourceLocation>() };

    /// <summary>A Markdown link title that opts the link out of validation: [text](/admin/ "nocheck").</summary>
    public const string NoCheckTitle = "nocheck";

    private readonly SourceLinkResolver _resolver = new(catalog, facts);

    /// <summary>One render's page: where it reports and what it records.</summary>
    /// <summary>A translation's language and the default's (its links go to pages in its language when they exist); null for an original.</summary>
    private (string Code, string Default)? TranslationLanguage(string source)
    {
        var languages = _inputs.Config.AllLanguages;
        return Translations.NameOf(source) is { } named && languages.Skip(1).Any(l => l.Code.Value == named.Code)
            ? (named.Code, languages[0].Code.Value)
            : null;
    }

    private sealed record Page(string Source, string Display, DiagnosticBag Diagnostics, ReadSet Reads)
    {
        /// <summary>Whether the page's first image is still to come: it loads at once, the others lazily.</summary>
        public bool FirstImagePending { get; set; }

        /// <summary>Clips placed as players (alone in their paragraph): any other image of a clip is a mistake.</summary>
        public HashSet<LinkInline> PlacedVideos { get; } = [];

        public bool EmbedsVideo { get; set; }
    }

    /// <param name="checkLinks">false for a page with <c>link_check: false</c>: its links to missing
    /// files are left as written instead of reported.</param>
    public RenderedMarkdown Render(string text, string source, DiagnosticBag diagnostics, bool checkLinks = true) =>
        RenderWithText(text, source, diagnostics, ReadSet.Ignored, checkLinks).Body;

    /// <summary>As <see cref="Render"/>, with the words of the body as plain text, section by section (for the search index), and what the site index needs to know.</summary>
    /// <param name="hasLeadImage">The page shows an image of its own above the body (front matter
    /// image): that one is its first image, so every image of the body loads lazily.</param>
    /// <param name="paragraphs">When given, receives each paragraph's words with where it starts (for the readability check).</param>
    public (RenderedMarkdown Body, IReadOnlyList<TextSection> PlainText, BodyFacts Facts) RenderWithText(string text, string source, DiagnosticBag diagnostics, ReadSet reads, bool checkLinks = true, bool hasLeadImage = false, List<(string Text, SourceLocation At)>? paragraphs = null)
    {
        var page = new Page(source, catalog.Display(source), diagnostics, reads) { FirstImagePending = !hasLeadImage };
        var document = Markdig.Markdown.Parse(text, pipeline);
        if (TranslationLanguage(source) is { Code: var code } && facts is SiteFacts site)
        {
            // A translation's figures and players speak its language: the theme's media words,
            // read as a fact so that an edit of the strings renders the body again.
            reads.Read(facts, SiteFacts.ThemeKey);
            document.SetData(MediaStrings.DataKey, MediaStrings.From(site.Theme.Strings(code)));
        }

        var links = new List<LinkReference>();
        var ids = new List<(string, SourceLocation)>();
        var cards = new List<string>();
        var headings = new List<Heading>();
        // The plain text and the HTML are built in pooled buffers: growing fresh ones for every page
        // was a large share of a build's allocations. Each heading starts a section of the plain
        // text, so that search can point at the part of the page that matched.
        using var plainLease = TextBuffers.Rent();
        var plain = plainLease.Builder;
        var sections = new List<TextSection>();
        string? sectionId = null;
        string? sectionHeading = null;
        void EndSection()
        {
            // Trimmed before the string is made (every section ends in a line break): one string, not two.
            var end = plain.Length;
            while (end > 0 && char.IsWhiteSpace(plain[end - 1]))
            {
                end--;
            }

            sections.Add(new TextSection(sectionId, sectionHeading, plain.ToString(0, end)));
            plain.Clear();
        }

        var blocks = new List<Block>(64);
        CollectBlocks(document, blocks);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock heading when heading.GetAttributes().Id is { } id:
                    var headingText = InlineText(heading.Inline);
                    headings.Add(new Heading(heading.Level, headingText, id));
                    ids.Add((id, At(page.Display, heading.Line, heading.Column)));
                    EndSection();
                    (sectionId, sectionHeading) = (id, headingText);
                    break;
                case HtmlBlock html:
                    var rawBlock = html.Lines.ToString();
                    ScanRawHtml(rawBlock, page.Display, html.Line, links, ids);
                    if (EnhanceRawImages(rawBlock, page) is { } enhanced)
                    {
                        var lines = new Markdig.Helpers.StringLineGroup(4);
                        foreach (var line in enhanced.Split('\n'))
                        {
                            lines.Add(new Markdig.Helpers.StringSlice(line));
                        }

                        html.Lines = lines;
                    }

                    break;
                case ParagraphBlock paragraph:
                    MarkdownSourceChecks.CheckHeadingMarker(paragraph, text, page.Display, diagnostics);
                    var before = plain.Length;
                    AppendInlineText(paragraph.Inline, plain).Append('\n');
                    paragraphs?.Add((plain.ToString(before, plain.Length - before - 1), At(page.Display, paragraph.Line, paragraph.Column)));
                    ReplaceSpecialParagraph(paragraph, page, cards);
                    break;
            }
        }

        foreach (var footnote in blocks.OfType<Markdig.Extensions.Footnotes.Footnote>())
        {
            if (footnote.GetAttributes().Id is { } footnoteId)
            {
                ids.Add((footnoteId, At(page.Display, footnote.Line, footnote.Column)));
            }
        }

        var missing = new List<MissingLinkTarget>();
        RewriteInlines(InlinesOf(document), text, page, 0, 0, links, ids, missing, checkLinks);
        using var htmlLease = TextBuffers.Rent();
        var writer = new StringWriter(htmlLease.Builder);
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        var body = new RenderedMarkdown
        {
            Utf8Html = TextBuffers.Utf8(TextBuffers.Contents(htmlLease.Builder)),
            Headings = headings,
            Links = links,
            Ids = ids,
            EmbedsVideo = page.EmbedsVideo,
        };
        EndSection();
        return (body, sections, BodyFacts.Of(cards, links, missing));
    }

    /// <summary>
    /// Renders a short piece of inline Markdown from front matter (an exercise step), with links
    /// reported at the step's place in the file.
    /// </summary>
    public string RenderInline(Located<string> value, string source, DiagnosticBag diagnostics, ReadSet reads, List<LinkReference> links, List<MissingLinkTarget> missing)
    {
        var page = new Page(source, catalog.Display(source), diagnostics, reads);
        var document = Markdig.Markdown.Parse(value.Value, inlinePipeline);
        var ids = new List<(string, SourceLocation)>();
        RewriteInlines(InlinesOf(document), null, page, value.Location.Line - 1, value.Location.Column - 1, links, ids, missing);
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = true };
        inlinePipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }

    /// <param name="text">The Markdown text the inlines were parsed from, when it is the whole file (for exact columns).</param>
    private void RewriteInlines(List<Inline> inlines, string? text, Page page, int lineOffset, int columnOffset, List<LinkReference> links, List<(string, SourceLocation)> ids, List<MissingLinkTarget> missing, bool checkLinks = true)
    {
        var display = page.Display;
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case LinkInline link when link.Url is not null:
                    var at = At(display, link.Line + lineOffset, link.Column + (link.Line == 0 ? columnOffset : 0));
                    if (link.IsImage && InlineText(link).Trim().Length == 0)
                    {
                        page.Diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingAltText, at, $"image '{link.Url}' has no alt text: describe it for readers who cannot see it, e.g. ![Pelvic drop on a step]({link.Url})"));
                    }

                    if (!MarkdownSourceChecks.CheckLinkUrl(link, text, at, page.Diagnostics))
                    {
                        break;
                    }

                    // The title "nocheck" opts the link out of validation; it is removed from the HTML
                    // (on GitHub it only shows as a tooltip).
                    var noCheck = string.Equals(link.Title, NoCheckTitle, StringComparison.OrdinalIgnoreCase);
                    if (noCheck)
                    {
                        link.Title = null;
                    }

                    var resolved = _resolver.Resolve(link.Url, page.Source, at, link.IsImage, page.Diagnostics, page.Reads, missing, report: !noCheck && checkLinks, language: TranslationLanguage(page.Source));
                    if (resolved is not null)
                    {
                        link.Url = resolved.Href;
                        if (resolved.Hreflang is { } hreflang && !link.IsImage)
                        {
                            // The reader can tell the link leads to a page in another language (site.css marks it).
                            link.GetAttributes().AddPropertyIfNotExist("hreflang", hreflang);
                        }

                        links.Add(new LinkReference(at, resolved.Href, LinkOrigin.Markdown, link.IsImage) { NoCheck = noCheck });
                        CheckMedia(link, resolved, at, page);
                    }

                    if (!link.IsImage && string.Equals(link.Title, VideoTitle, StringComparison.OrdinalIgnoreCase))
                    {
                        page.Diagnostics.Add(Diagnostic.Warning(ErrorCodes.VideoNotAlone, at, "a link titled \"video\" becomes a player only on a line of its own: put it in a paragraph by itself (or remove the title to keep it an ordinary link)"));
                        link.Title = null;
                    }

                    break;
                case AutolinkInline autolink when !autolink.IsEmail:
                    links.Add(new LinkReference(At(display, autolink.Line + lineOffset, autolink.Column + columnOffset), autolink.Url, LinkOrigin.Markdown, false));
                    break;
                case HtmlInline html:
                    ScanRawHtml(html.Tag, display, html.Line + lineOffset, links, ids, html.Column + columnOffset);
                    if (EnhanceRawImages(html.Tag, page) is { } enhancedTag)
                    {
                        html.Tag = enhancedTag;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// What an image of a picture or a clip needs once its address is known: the picture's copies
    /// and size are recorded as a fact (the page's HTML shows them), the page's first picture loads
    /// at once, and a clip anywhere but alone in its paragraph is reported.
    /// </summary>
    private void CheckMedia(LinkInline link, SourceLinkResolver.Resolved resolved, SourceLocation at, Page page)
    {
        if (!link.IsImage || resolved.TargetSource is not { } target)
        {
            return;
        }

        var kind = catalog.KindOf(target);
        if (kind == ContentKind.Image)
        {
            page.Reads.Read(facts, SiteFacts.Media(target));
            if (page.FirstImagePending)
            {
                link.SetData(MediaExtension.EagerKey, true);
                page.FirstImagePending = false;
            }
        }
        else if (kind == ContentKind.Video && !page.PlacedVideos.Contains(link))
        {
            page.Diagnostics.Add(Diagnostic.Error(ErrorCodes.VideoNotAlone, at, $"a clip can only be shown on a line of its own: put ![...]({link.Url}) in a paragraph by itself"));
        }
    }

    /// <summary>
    /// A clip written as an image alone in its paragraph: a player, if it has captions (WCAG 2.2
    /// 1.2.2: people who cannot hear it must be able to follow it) and a credit.
    /// </summary>
    private VideoFigureBlock? VideoFigure(LinkInline link, string target, Page page)
    {
        var file = Path.GetFileName(target);
        var at = At(page.Display, link.Line, link.Column);
        page.Reads.Read(facts, SiteFacts.Media(target));
        if (!catalog.Contains(target))
        {
            // Reported with the other links to missing files, with the nearest name.
            return null;
        }

        var video = VideoChecks.Check(file, at, _media, _inputs, page.Diagnostics);
        var title = InlineText(link).Trim();
        if (title.Length == 0)
        {
            page.Diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingAltText, at, $"the clip '{file}' has no description: write what it shows between the brackets, e.g. ![Heel raise demonstration]({link.Url})"));
            return null;
        }

        return video is null ? null : new VideoFigureBlock(null, video, title, string.IsNullOrEmpty(link.Title) ? title : link.Title);
    }

    /// <summary>A YouTube or Vimeo link titled "video" alone in its paragraph: a click-to-load player.</summary>
    private OnlineVideoBlock? OnlineVideoFigure(LinkInline link, Page page)
    {
        var at = At(page.Display, link.Line, link.Column);
        var video = OnlineVideo.Parse(link.Url ?? "", out var problem);
        if (video is null)
        {
            page.Diagnostics.Add(Diagnostic.Error(ErrorCodes.BadVideoAddress, at, $"the video link '{link.Url}' {problem}"));
            return null;
        }

        page.EmbedsVideo = true;
        return new OnlineVideoBlock(null, video, InlineText(link).Trim());
    }

    /// <summary>A paragraph holding only an exercise link titled "card", or only an image, becomes a block of its own.</summary>
    private void ReplaceSpecialParagraph(ParagraphBlock paragraph, Page page, List<string> cards)
    {
        var source = page.Source;
        if (paragraph.Inline?.FirstChild is not LinkInline link || link.NextSibling is not null || link.Url is null || paragraph.Parent is null)
        {
            return;
        }

        var parent = paragraph.Parent;
        var index = parent.IndexOf(paragraph);
        if (!link.IsImage && string.Equals(link.Title, "card", StringComparison.OrdinalIgnoreCase))
        {
            var (path, _) = UrlClassifier.SplitPath(link.Url);
            var target = SourceLinkResolver.Combine(source.Contains('/') ? source[..(source.LastIndexOf('/') + 1)] : "", Uri.UnescapeDataString(path));
            if (target is not null)
            {
                page.Reads.Read(facts, SiteFacts.File(target));
            }

            if (target is not null && ContentPaths.Classify(target) == ContentKind.Exercise && catalog.Contains(target))
            {
                var id = ContentPaths.Slug(target);
                cards.Add(id);
                parent[index] = new ExerciseCardBlock(null, id, InlineText(link)) { Line = paragraph.Line, Column = paragraph.Column, Span = paragraph.Span };
                return;
            }
        }

        if (!link.IsImage && string.Equals(link.Title, VideoTitle, StringComparison.OrdinalIgnoreCase) && UrlClassifier.Classify(link.Url) == UrlKind.External)
        {
            link.Title = null;
            if (OnlineVideoFigure(link, page) is { } online)
            {
                ReplaceParagraph(paragraph, online);
            }

            return;
        }

        if (link.IsImage && UrlClassifier.Classify(link.Url) == UrlKind.Relative
            && SourceLinkResolver.Combine(SourceLinkResolver.Directory(source), Uri.UnescapeDataString(UrlClassifier.SplitPath(link.Url).Path)) is { } videoTarget
            && ContentPaths.Classify(videoTarget) == ContentKind.Video)
        {
            page.PlacedVideos.Add(link);
            if (VideoFigure(link, videoTarget, page) is { } player)
            {
                ReplaceParagraph(paragraph, player);
            }

            return;
        }

        if (link.IsImage && UrlClassifier.Classify(link.Url) == UrlKind.Relative)
        {
            var file = Uri.UnescapeDataString(Path.GetFileName(UrlClassifier.SplitPath(link.Url).Path));
            // The caption shows the image's credit.
            page.Reads.Read(facts, SiteFacts.Credit(file));
            // Keep the link inside the tree (detached from its paragraph) so that it is still rewritten and validated.
            var figure = new CreditedFigureBlock(null, link, file) { Line = paragraph.Line, Column = paragraph.Column, Span = paragraph.Span };
            var inline = paragraph.Inline;
            paragraph.Inline = null;
            parent[index] = figure;
            figure.Inline = inline;
        }
    }

    /// <summary>
    /// Raw HTML with an img of one of the site's photos, with the photo's srcset, size and lazy
    /// loading added (<see cref="RawImageMarkup"/>); null when nothing changes. The src resolves as
    /// a browser would from the published page.
    /// </summary>
    private string? EnhanceRawImages(string html, Page page)
    {
        if (html.IndexOf("<img", StringComparison.OrdinalIgnoreCase) < 0 || !page.Source.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        var pageUrl = new Uri("https://site.invalid" + ContentPaths.UrlOf(page.Source));
        var enhanced = RawImageMarkup.Enhance(html, src =>
        {
            if (!Uri.TryCreate(pageUrl, src, out var resolved) || resolved.Host != pageUrl.Host)
            {
                return null;
            }

            var image = MediaExtension.ImageAt(_media, resolved.AbsolutePath);
            if (image is not null)
            {
                page.Reads.Read(facts, SiteFacts.Media("images/" + image.File));
            }

            return image;
        });
        return ReferenceEquals(enhanced, html) || enhanced == html ? null : enhanced;
    }

    /// <summary>Puts a block in a paragraph's place, keeping the paragraph's inlines inside it, so that its link is still rewritten and validated.</summary>
    private static void ReplaceParagraph(ParagraphBlock paragraph, LeafBlock block)
    {
        var parent = paragraph.Parent!;
        block.Line = paragraph.Line;
        block.Column = paragraph.Column;
        block.Span = paragraph.Span;
        var inline = paragraph.Inline;
        paragraph.Inline = null;
        parent[parent.IndexOf(paragraph)] = block;
        block.Inline = inline;
    }

    private void ScanRawHtml(string html, string display, int line, List<LinkReference> links, List<(string, SourceLocation)> ids, int column = 0)
    {
        if (html.IndexOf("href", StringComparison.OrdinalIgnoreCase) < 0 && html.IndexOf("src", StringComparison.OrdinalIgnoreCase) < 0 && html.IndexOf("id", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return;
        }

        var lines = html.Split('\n');
        SourceLocation Locate(string value)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var col = value.Length == 0 ? -1 : lines[i].IndexOf(value, StringComparison.Ordinal);
                if (col >= 0)
                {
                    return At(display, line + i, (i == 0 ? column : 0) + col);
                }
            }

            return At(display, line, column);
        }

        RawHtmlScanner.Scan(html, Locate, LinkOrigin.RawHtml, links, ids);
    }

    private static SourceLocation At(string display, int zeroBasedLine, int zeroBasedColumn) =>
        new(display, zeroBasedLine + 1, zeroBasedColumn + 1);

    // The syntax tree is walked with these instead of Markdig's Descendants(), whose iterators grow a
    // stack per call (a visible share of a build's profile); the order is the same depth-first
    // pre-order, and the lists are snapshots, so the tree can be changed while going through them.

    /// <summary>Every block under the container, depth first, each before its children.</summary>
    private static void CollectBlocks(ContainerBlock container, List<Block> into)
    {
        for (var i = 0; i < container.Count; i++)
        {
            into.Add(container[i]);
            if (container[i] is ContainerBlock nested)
            {
                CollectBlocks(nested, into);
            }
        }
    }

    /// <summary>Every inline of the document in reading order: each leaf block's inlines, depth first.</summary>
    private static List<Inline> InlinesOf(ContainerBlock document)
    {
        var inlines = new List<Inline>(128);
        void FromBlocks(ContainerBlock container)
        {
            for (var i = 0; i < container.Count; i++)
            {
                switch (container[i])
                {
                    case LeafBlock { Inline: { } root }:
                        FromInlines(root);
                        break;
                    case ContainerBlock nested:
                        FromBlocks(nested);
                        break;
                }
            }
        }

        void FromInlines(ContainerInline container)
        {
            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                inlines.Add(inline);
                if (inline is ContainerInline nested)
                {
                    FromInlines(nested);
                }
            }
        }

        FromBlocks(document);
        return inlines;
    }

    public static string InlineText(ContainerInline? container) =>
        container is null ? string.Empty : AppendInlineText(container, new StringBuilder()).ToString();

    private static StringBuilder AppendInlineText(ContainerInline? container, StringBuilder sb)
    {
        if (container is null)
        {
            return sb;
        }

        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is ContainerInline nested)
            {
                AppendInlineText(nested, sb);
                continue;
            }

            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
            }
        }

        return sb;
    }
}
