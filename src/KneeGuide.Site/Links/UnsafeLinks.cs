namespace KneeGuide.Site.Links;

/// <summary>
/// Links in content that would run script or smuggle a document in: javascript: and vbscript: URLs,
/// and data: URLs other than images shown with src (an image element never runs what it shows). The scheme is read as a browser reads it: tabs
/// and line breaks anywhere are ignored and leading spaces or control characters are dropped, so
/// "java&#9;script:" is still javascript.
/// </summary>
public static class UnsafeLinks
{
    /// <summary>Why the link is refused, or null when it is not a script or data link.</summary>
    public static string? Problem(string href, bool isImage)
    {
        var url = Normalize(href);
        if (url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase))
        {
            var scheme = url[..url.IndexOf(':')].ToLowerInvariant();
            return $"a '{scheme}:' link runs code when clicked, and pages of the guide may not run code: link to a page or a web address instead, or remove it";
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && !(isImage && url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)))
        {
            return "a 'data:' link carries a hidden document (it may hold a script): put the file in the input folder and link to it instead";
        }

        return null;
    }

    private static string Normalize(string href)
    {
        var chars = href.Where(c => c is not ('\t' or '\n' or '\r')).SkipWhile(c => c <= ' ').ToArray();
        return new string(chars);
    }
}
