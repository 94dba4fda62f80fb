namespace KneeGuide.Site.Links;

public enum UrlKind
{
    Empty,
    Fragment,
    RootRelative,
    Relative,
    External,
    MailTo,
    Tel,
    ProtocolRelative,
    OtherScheme,
}

/// <summary>Sorts a link the way a browser would read it.</summary>
public static class UrlClassifier
{
    public static UrlKind Classify(string url)
    {
        if (url.Length == 0)
        {
            return UrlKind.Empty;
        }

        if (url[0] == '#')
        {
            return UrlKind.Fragment;
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return UrlKind.ProtocolRelative;
        }

        if (url[0] == '/')
        {
            return UrlKind.RootRelative;
        }

        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon > 0 && (slash < 0 || colon < slash))
        {
            var scheme = url[..colon].ToLowerInvariant();
            return scheme switch
            {
                "http" or "https" => UrlKind.External,
                "mailto" => UrlKind.MailTo,
                "tel" => UrlKind.Tel,
                _ => UrlKind.OtherScheme,
            };
        }

        return UrlKind.Relative;
    }

    /// <summary>Splits "path?query#fragment" into its path and fragment (the query is dropped).</summary>
    public static (string Path, string? Fragment) SplitPath(string url)
    {
        string? fragment = null;
        var hash = url.IndexOf('#');
        if (hash >= 0)
        {
            fragment = url[(hash + 1)..];
            url = url[..hash];
        }

        var query = url.IndexOf('?');
        if (query >= 0)
        {
            url = url[..query];
        }

        return (url, fragment);
    }
}
