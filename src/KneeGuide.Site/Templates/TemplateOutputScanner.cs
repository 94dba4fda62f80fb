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
    public static void Scan(string html, SourceLocation at, List<LinkReference> links, List<(string Id, SourceLocation At)> ids)
    {
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
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

            var tag = html[nameStart..i].ToLowerInvariant();
            i = ReadAttributes(html, i, tag, at, links, ids);
            if (tag is "script" or "style")
            {
                var close = html.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }
    }

    private static int ReadAttributes(string html, int i, string tag, SourceLocation at, List<LinkReference> links, List<(string Id, SourceLocation At)> ids)
    {
        string? rel = null;
        var found = new List<(string Name, string Value)>(2);
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

            var name = html[nameStart..i].ToLowerInvariant();
            string value = "";
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
                    var end = html.IndexOf(quote, i + 1);
                    end = end < 0 ? html.Length : end;
                    value = html[(i + 1)..end];
                    i = end + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[valueStart..i];
                }
            }

            switch (name)
            {
                case "href" or "src" or "srcset" or "id":
                    found.Add((name, value.Contains('&') ? WebUtility.HtmlDecode(value) : value));
                    break;
                case "name" when tag == "a":
                    found.Add(("id", value.Contains('&') ? WebUtility.HtmlDecode(value) : value));
                    break;
                case "rel":
                    rel = value;
                    break;
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
                    links.AddRange(RawHtmlScanner.SrcsetUrls(value).Select(u => new LinkReference(at, u, LinkOrigin.Template, true)));
                    break;
                case "href" when tag == "link" && rel is "preconnect" or "dns-prefetch":
                    break;
                default:
                    links.Add(new LinkReference(at, value.Trim(), LinkOrigin.Template, name == "src"));
                    break;
            }
        }

        return i;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
