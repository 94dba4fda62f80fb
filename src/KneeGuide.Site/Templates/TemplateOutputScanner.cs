using System.Net;
using KneeGuide.Core;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Templates;

/// <summary>
/// Reads href, src, srcset and id attributes from the theme's own output, which is scanned on every
/// page. AngleSharp builds a whole DOM for that and was the largest cost of a build in a profile
/// (docs/performance.md), so this walks the tags once without building anything. It follows the HTML
/// tokenizer's rules that matter for attributes: comments, raw-text elements (script, style), quoted
/// and unquoted values, character references. Editor-written raw HTML still goes through AngleSharp
/// (RawHtmlScanner), since it can be anything.
/// </summary>
public static class TemplateOutputScanner
{
    public static void Scan(ReadOnlySpan<char> html, SourceLocation at, List<LinkReference> links, List<(string Id, SourceLocation At)> ids)
    {
        var i = 0;
        while ((i = IndexOf(html, '<', i)) >= 0)
        {
            if (html[i..].StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = IndexOf(html, "-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            i++;
            if (i >= html.Length || !char.IsAsciiLetter(html[i]))
            {
                continue;
            }

            var nameStart = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not '>' and not '/')
            {
                i++;
            }

            var tag = TagOf(html[nameStart..i]);
            i = ReadAttributes(html, i, tag, at, links, ids);
            if (tag is Tag.Script or Tag.Style)
            {
                var close = IndexOf(html, tag == Tag.Script ? "</script" : "</style", i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }
    }

    // Only these tags matter; every other one is read past without making a string of its name.
    private enum Tag
    {
        Other,
        A,
        Link,
        Script,
        Style,
    }

    private static Tag TagOf(ReadOnlySpan<char> name) =>
        name.Equals("a", StringComparison.OrdinalIgnoreCase) ? Tag.A
        : name.Equals("link", StringComparison.OrdinalIgnoreCase) ? Tag.Link
        : name.Equals("script", StringComparison.OrdinalIgnoreCase) ? Tag.Script
        : name.Equals("style", StringComparison.OrdinalIgnoreCase) ? Tag.Style
        : Tag.Other;

    // The wanted attributes of the tag being read, reused: a link's rel can come after its href, so
    // they are only acted on at the end of the tag.
    [ThreadStatic]
    private static List<(string Name, string Value)>? t_found;

    private static int ReadAttributes(ReadOnlySpan<char> html, int i, Tag tag, SourceLocation at, List<LinkReference> links, List<(string Id, SourceLocation At)> ids)
    {
        string? rel = null;
        var found = t_found ??= [];
        found.Clear();
        while (i < html.Length)
        {
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }

            if (i >= html.Length || html[i] == '>')
            {
                i++;
                break;
            }

            var nameStart = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not '=' and not '>' and not '/')
            {
                i++;
            }

            var name = AttributeOf(html[nameStart..i], tag);
            var (valueStart, valueEnd) = (i, i);
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var end = IndexOf(html, quote, i + 1);
                    end = end < 0 ? html.Length : end;
                    (valueStart, valueEnd) = (i + 1, end);
                    i = end + 1;
                }
                else
                {
                    valueStart = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    valueEnd = i;
                }
            }

            // Only the values of wanted attributes become strings.
            if (name is null)
            {
                continue;
            }

            var value = html[valueStart..valueEnd].ToString();
            if (name == "rel")
            {
                rel = value;
            }
            else
            {
                found.Add((name, value.Contains('&') ? WebUtility.HtmlDecode(value) : value));
            }
        }

        foreach (var (name, value) in found)
        {
            switch (name)
            {
                case "id":
                    ids.Add((value, at));
                    break;
                case "srcset":
                    // A loop, not a lambda: a lambda capturing 'at' would allocate its closure on
                    // every call of this method, i.e. for every tag of every page.
                    foreach (var url in RawHtmlScanner.SrcsetUrls(value))
                    {
                        links.Add(new LinkReference(at, url, LinkOrigin.Template, true));
                    }
                    break;
                case "href" when tag == Tag.Link && rel is "preconnect" or "dns-prefetch":
                    break;
                default:
                    links.Add(new LinkReference(at, value.Trim(), LinkOrigin.Template, name == "src"));
                    break;
            }
        }

        return i;
    }

    /// <summary>The attribute's meaning for the scan ("id" for an a's name), or null for one that does not matter.</summary>
    private static string? AttributeOf(ReadOnlySpan<char> name, Tag tag) =>
        name.Equals("href", StringComparison.OrdinalIgnoreCase) ? "href"
        : name.Equals("src", StringComparison.OrdinalIgnoreCase) ? "src"
        : name.Equals("srcset", StringComparison.OrdinalIgnoreCase) ? "srcset"
        : name.Equals("id", StringComparison.OrdinalIgnoreCase) ? "id"
        : name.Equals("rel", StringComparison.OrdinalIgnoreCase) ? "rel"
        : tag == Tag.A && name.Equals("name", StringComparison.OrdinalIgnoreCase) ? "id"
        : null;

    private static int IndexOf(ReadOnlySpan<char> html, char c, int start) =>
        start >= html.Length ? -1 : html[start..].IndexOf(c) is var at and >= 0 ? start + at : -1;

    private static int IndexOf(ReadOnlySpan<char> html, string value, int start, StringComparison comparison) =>
        start > html.Length ? -1 : html[start..].IndexOf(value, comparison) is var at and >= 0 ? start + at : -1;

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
