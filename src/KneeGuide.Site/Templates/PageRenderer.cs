using System.Text;
using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.Markdown.Extensions.CareCard;
using KneeGuide.Site.Markdown.Extensions.ExerciseCard;

namespace KneeGuide.Site.Templates;

/// <summary>The final HTML of a page (UTF-8 content) and what the link validator needs to know about it.</summary>
public sealed record RenderedPage(DocumentContent Content, PageLinks Links);

/// <summary>
/// Renders a page through its layout and the base layout. The Markdown body is not in the template
/// output while it is scanned for links and ids (a marker stands in its place), so the body, whose
/// links are already known with their Markdown positions, is never parsed twice. The layout and the
/// base layout around it are rendered into pooled buffers, and the page is encoded to UTF-8 straight
/// from them with the layout and the body spliced in: no string of the page or its layout is made.
/// </summary>
public sealed class PageRenderer(ThemeTemplates theme, ViewModelFactory views)
{
    private const string BodyMarker = "<!--kg:body-->";

    /// <summary>Stands in the base layout for the page's layout (its <c>content</c>) until the page is encoded.</summary>
    private const string MainMarker = "<!--kg:main-->";

    private static readonly byte[] CardMarkerUtf8 = Encoding.UTF8.GetBytes(HtmlExerciseCardRenderer.MarkerStart);
    private static readonly byte[] CareMarkerUtf8 = Encoding.UTF8.GetBytes(CareCardExtension.MarkerStart);

    public ViewModelFactory Views => views;

    /// <summary>The theme's words in the site's language, as templates see them (<c>strings</c>).</summary>
    private IReadOnlyDictionary<string, object> StringsIn(string? language) => theme.Strings(language ?? views.Site.Language).Values;

    /// <summary>
    /// The page, in a pooled buffer that the content owns (WriteFiles gives it back once written).
    /// Exercises shown by cards in the body are recorded in <paramref name="reads"/>.
    /// </summary>
    public RenderedPage Render(
        string layout,
        PageView page,
        byte[]? bodyUtf8,
        IReadOnlyList<LinkReference> bodyLinks,
        IReadOnlyList<(string Id, SourceLocation At)> bodyIds,
        DiagnosticBag diagnostics,
        ReadSet reads,
        IReadOnlyList<string>? knownFragments = null)
    {
        var layoutPath = $"layouts/{layout}.liquid";
        var values = new Dictionary<string, object?> { ["site"] = views.SiteIn(page.Language, reads), ["strings"] = StringsIn(page.Language), ["page"] = page, ["content"] = BodyMarker };
        // The layout is rendered into a pooled buffer of its own and the base layout around a marker
        // in its place: the page is put together only as it is encoded, so neither the layout's
        // output nor the whole page is ever copied into a string (that string was ~200 MB of a cold
        // corpus build's garbage: docs/performance.md). Fluid closes the writer it renders to: a new
        // writer over each pooled buffer.
        using var mainLease = TextBuffers.Rent();
        if (!theme.RenderTo(new StringWriter(mainLease.Builder), layoutPath, values, diagnostics))
        {
            mainLease.Builder.Clear();
        }

        values["content"] = MainMarker;
        using var lease = TextBuffers.Rent();
        var buffer = lease.Builder;
        if (!theme.RenderTo(new StringWriter(buffer), "layouts/base.liquid", values, diagnostics))
        {
            buffer.Clear();
        }

        var main = TextBuffers.Contents(mainLease.Builder);
        var outer = TextBuffers.Contents(buffer);
        var links = new List<LinkReference>(bodyLinks);
        var ids = new List<(string Id, SourceLocation At)>(bodyIds);
        // Fragments whose links are already in bodyLinks with their source positions (exercise
        // steps) are left out of the template scan, or each of their links would be checked twice
        // and a broken one reported a second time at the layout. Only fragments with markup can
        // hold links, so plain-text steps are not searched for.
        // A home exercise sheet repeats its exercises' steps: their links are checked on each
        // exercise's own page, at the step's line, not again here.
        var sheetSteps = page.Sheet?.Exercises.SelectMany(e => e.Steps) ?? [];
        var withMarkup = (knownFragments ?? []).Concat(sheetSteps).Where(f => f.Contains('<')).Distinct(StringComparer.Ordinal).ToList();

        // Template links are placed at the layout for now; only a broken one is traced to the exact
        // theme line (TemplateLinkLocator), which keeps the cost off the hot path.
        var layoutLocation = SourceLocation.InFile(theme.Display(layoutPath));
        if (withMarkup.Count == 0)
        {
            // The base layout's parts and the layout in page order: each part starts and ends
            // between tags, so the scan finds what it finds in the whole page, in the same order.
            for (var rest = outer; ;)
            {
                var at = rest.IndexOf(MainMarker, StringComparison.Ordinal);
                TemplateOutputScanner.Scan(at < 0 ? rest : rest[..at], layoutLocation, links, ids);
                if (at < 0)
                {
                    break;
                }

                TemplateOutputScanner.Scan(main, layoutLocation, links, ids);
                rest = rest[(at + MainMarker.Length)..];
            }
        }
        else
        {
            var full = outer.ToString().Replace(MainMarker, main.ToString(), StringComparison.Ordinal);
            TemplateOutputScanner.Scan(withMarkup.Aggregate(full, (html, fragment) => html.Replace(fragment, string.Empty, StringComparison.Ordinal)), layoutLocation, links, ids);
        }

        ReadOnlySpan<byte> body = bodyUtf8;
        var hasCards = body.IndexOf(CardMarkerUtf8) >= 0;
        var hasCareCards = body.IndexOf(CareMarkerUtf8) >= 0;
        if (hasCards || hasCareCards)
        {
            var html = Encoding.UTF8.GetString(body);
            html = hasCards ? ReplaceCards(html, page.Language, links, ids, diagnostics, reads) : html;
            body = Encoding.UTF8.GetBytes(hasCareCards ? ReplaceCareLevels(html, page.Language) : html);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = ids.Where(i => !seen.Add(i.Id)).ToList();
        var size = 0;
        for (var rest = outer; ;)
        {
            var at = rest.IndexOf(MainMarker, StringComparison.Ordinal);
            size += Utf8SizeWithBody(at < 0 ? rest : rest[..at], body.Length);
            if (at < 0)
            {
                break;
            }

            size += Utf8SizeWithBody(main, body.Length);
            rest = rest[(at + MainMarker.Length)..];
        }

        var content = RentedUtf8Content.Rent(size);
        var written = 0;
        for (var rest = outer; ;)
        {
            var at = rest.IndexOf(MainMarker, StringComparison.Ordinal);
            written += WriteUtf8WithBody(at < 0 ? rest : rest[..at], body, content.Bytes[written..]);
            if (at < 0)
            {
                break;
            }

            written += WriteUtf8WithBody(main, body, content.Bytes[written..]);
            rest = rest[(at + MainMarker.Length)..];
        }

        return new RenderedPage(content, new PageLinks(page.Url, links, seen, duplicates, bodyIds.Select(i => i.Id).Distinct(StringComparer.Ordinal).ToList()));
    }

    /// <summary>The size in UTF-8 of the page with every body marker replaced by a body of <paramref name="bodyBytes"/> bytes.</summary>
    private static int Utf8SizeWithBody(ReadOnlySpan<char> page, int bodyBytes)
    {
        var size = 0;
        for (var rest = page; ;)
        {
            var at = rest.IndexOf(BodyMarker, StringComparison.Ordinal);
            size += Encoding.UTF8.GetByteCount(at < 0 ? rest : rest[..at]);
            if (at < 0)
            {
                return size;
            }

            size += bodyBytes;
            rest = rest[(at + BodyMarker.Length)..];
        }
    }

    /// <summary>Writes the page as UTF-8 with every body marker replaced by the body; the number of bytes written.</summary>
    private static int WriteUtf8WithBody(ReadOnlySpan<char> page, ReadOnlySpan<byte> body, Span<byte> into)
    {
        var written = 0;
        for (var rest = page; ;)
        {
            var at = rest.IndexOf(BodyMarker, StringComparison.Ordinal);
            written += Encoding.UTF8.GetBytes(at < 0 ? rest : rest[..at], into[written..]);
            if (at < 0)
            {
                return written;
            }

            body.CopyTo(into[written..]);
            written += body.Length;
            rest = rest[(at + BodyMarker.Length)..];
        }
    }

    /// <summary>Each care card's level heading in the theme's words (strings.care.urgent...).</summary>
    private string ReplaceCareLevels(string body, string? language)
    {
        var strings = theme.Strings(language ?? views.Site.Language);
        foreach (var level in CareCardExtension.Levels)
        {
            body = body.Replace(CareCardExtension.MarkerStart + level + CareCardExtension.MarkerEnd, ThemeTemplates.Encoder.Encode(strings.Text("care." + level)), StringComparison.Ordinal);
        }

        return body;
    }

    private string ReplaceCards(string body, string? language, List<LinkReference> links, List<(string Id, SourceLocation At)> ids, DiagnosticBag diagnostics, ReadSet reads)
    {
        var sb = new StringBuilder(body.Length + 1024);
        var position = 0;
        while (true)
        {
            var start = body.IndexOf(HtmlExerciseCardRenderer.MarkerStart, position, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            var idStart = start + HtmlExerciseCardRenderer.MarkerStart.Length;
            var end = body.IndexOf(HtmlExerciseCardRenderer.MarkerEnd, idStart, StringComparison.Ordinal);
            var id = body[idStart..end];
            sb.Append(body, position, start - position);
            // On a translated page, the card is the exercise's translation when there is one.
            if (views.ExerciseIn(id, language, reads) is { } exercise)
            {
                var card = theme.Render("partials/exercise-card.liquid", new Dictionary<string, object?> { ["site"] = views.SiteIn(language, reads), ["strings"] = StringsIn(language), ["exercise"] = exercise }, diagnostics);
                var cardLocation = SourceLocation.InFile(theme.Display("partials/exercise-card.liquid"));
                TemplateOutputScanner.Scan(card, cardLocation, links, ids);
                sb.Append(card);
            }

            position = end + HtmlExerciseCardRenderer.MarkerEnd.Length;
        }

        sb.Append(body, position, body.Length - position);
        return sb.ToString();
    }
}
