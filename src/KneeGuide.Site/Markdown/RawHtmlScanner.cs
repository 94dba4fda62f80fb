using AngleSharp.Html.Parser;
using KneeGuide.Core;
using KneeGuide.Site.Links;

namespace KneeGuide.Site.Markdown;

/// <summary>
/// Finds href, src, srcset and id attributes in raw HTML written inside Markdown (and in template
/// output), with AngleSharp: a real HTML parser, so odd quoting or entities are read as a browser would.
/// The position is found by locating the attribute's text in the source lines.
/// </summary>
public static class RawHtmlScanner
{
    /// <summary>The attribute that opts an element's links out of validation.</summary>
    public const string NoCheckAttribute = "data-kg-nocheck";

    private static readonly HtmlParser Parser = new();

    public static void Scan(
        string html,
        Func<string, SourceLocation> locate,
        LinkOrigin origin,
        List<LinkReference> links,
        List<(string Id, SourceLocation At)> ids)
    {
        var document = Parser.ParseDocument(html);
        foreach (var element in document.All)
        {
            // data-kg-nocheck: the editor knows this link is unusual (a page the build does not produce).
            var noCheck = element.HasAttribute(NoCheckAttribute);
            foreach (var attribute in element.Attributes)
            {
                switch (attribute.Name)
                {
                    case "href":
                    case "src":
                        if (element.LocalName is "link" && element.GetAttribute("rel") is "preconnect" or "dns-prefetch")
                        {
                            break;
                        }

                        // Only an image element's src is an image: an iframe's or a script's src loads a document or code.
                        var isImage = attribute.Name == "src" && element.LocalName is "img" or "source" or "input";
                        links.Add(new LinkReference(locate(attribute.Value), attribute.Value.Trim(), origin, isImage) { NoCheck = noCheck });
                        break;
                    case "srcset":
                        foreach (var candidate in SrcsetUrls(attribute.Value))
                        {
                            links.Add(new LinkReference(locate(candidate), candidate, origin, true) { NoCheck = noCheck });
                        }

                        break;
                    case "id" or "name" when attribute.Name == "id" || element.LocalName == "a":
                        ids.Add((attribute.Value, locate(attribute.Value)));
                        break;
                }
            }
        }
    }

    public static IEnumerable<string> SrcsetUrls(string srcset) =>
        srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split(' ', 2)[0])
            .Where(u => u.Length > 0);
}
