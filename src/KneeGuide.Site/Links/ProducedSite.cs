using System.Buffers;
using System.Text.RegularExpressions;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Links;

public sealed record LinkProblem(string Code, string Message, string? Suggestion = null);

public sealed record LinkCheck(LinkProblem? Problem, bool IsExternal = false, bool CheckedAnchor = false)
{
    public static readonly LinkCheck Ok = new((LinkProblem?)null);
}

/// <summary>
/// The site as the reader gets it: every produced file and the ids of every produced page. Resolves a
/// link the way a browser and Netlify would: relative to the page URL, percent-decoded, query dropped,
/// a folder URL served by its index.html, /x served by /x/index.html, redirects followed.
/// </summary>
public sealed partial class ProducedSite
{
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PageLinks> _pages = new(StringComparer.Ordinal);
    private readonly SiteIndex _index;
    private readonly List<string> _pageUrls;

    public ProducedSite(IEnumerable<Document> documents, SiteIndex index)
    {
        _index = index;
        foreach (var doc in documents)
        {
            var path = "/" + doc.Destination;
            _files.Add(path);
            if (doc.Get<PageLinks>() is { } links)
            {
                _pages[path] = links;
            }
        }

        _pageUrls = _pages.Keys.Select(p => p.EndsWith("/index.html", StringComparison.Ordinal) ? p[..^10] : p).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A page's anchors are listed in a broken-anchor message when there are at most this many.</summary>
    private const int MaxIdsListed = 12;

    public LinkCheck Check(PageLinks from, string href)
    {
        var kind = UrlClassifier.Classify(href);
        switch (kind)
        {
            case UrlKind.Empty:
                return LinkCheck.Ok;
            case UrlKind.External or UrlKind.ProtocolRelative:
                return new LinkCheck(null, IsExternal: true);
            case UrlKind.MailTo:
                return MailTo().IsMatch(href) ? LinkCheck.Ok : new LinkCheck(new LinkProblem(ErrorCodes.MalformedMailOrTel, $"'{href}' is not a valid email link; write mailto:name@example.org"));
            case UrlKind.Tel:
                return Tel().IsMatch(href) ? LinkCheck.Ok : new LinkCheck(new LinkProblem(ErrorCodes.MalformedMailOrTel, $"'{href}' is not a valid phone link; write tel: followed by digits, e.g. tel:+61-3-9000-0000"));
            case UrlKind.OtherScheme:
                return LinkCheck.Ok;
        }

        var (path, fragment) = UrlClassifier.SplitPath(href);
        PageLinks? target;
        if (path.Length == 0)
        {
            target = from;
        }
        else
        {
            var absolute = Resolve(from.Url, path);
            var decoded = Uri.UnescapeDataString(absolute);
            var file = Find(decoded);
            if (file is null)
            {
                var asPage = decoded.EndsWith('/') ? decoded : decoded + "/";
                return _index.FailedUrls.Contains(asPage) ? LinkCheck.Ok : new LinkCheck(Missing(decoded));
            }

            _pages.TryGetValue(file, out target);
        }

        if (string.IsNullOrEmpty(fragment) || fragment == "top" || target is null)
        {
            return LinkCheck.Ok;
        }

        var id = Uri.UnescapeDataString(fragment);
        if (target.Ids.Contains(id))
        {
            return new LinkCheck(null, CheckedAnchor: true);
        }

        var near = Suggestions.Closest(id, target.Ids);
        var headings = near is null && target.ContentIds.Count is > 0 and <= MaxIdsListed
            ? $"; its headings and anchors are {string.Join(", ", target.ContentIds.Select(i => "#" + i))}"
            : near is null && target.ContentIds.Count == 0 ? "; that page has no headings or anchors of its own" : "";
        return new LinkCheck(new LinkProblem(ErrorCodes.BrokenAnchor, $"'#{id}' is not an id on {target.Url}{headings}", near), CheckedAnchor: true);
    }

    /// <summary>
    /// The produced page (its output path, "/articles/x/index.html") whose ids decide whether
    /// <paramref name="href"/>'s fragment exists; null when the link has no fragment or does not lead
    /// to a produced page. The preview's incremental rebuild uses it to find the links to re-check
    /// when a page's ids change.
    /// </summary>
    public string? AnchorTargetOf(string fromPath, PageLinks from, string href)
    {
        if (UrlClassifier.Classify(href) is not (UrlKind.Fragment or UrlKind.RootRelative or UrlKind.Relative))
        {
            return null;
        }

        var (path, fragment) = UrlClassifier.SplitPath(href);
        if (string.IsNullOrEmpty(fragment) || fragment == "top")
        {
            return null;
        }

        if (path.Length == 0)
        {
            return fromPath;
        }

        var file = Find(Uri.UnescapeDataString(Resolve(from.Url, path)));
        return file is not null && _pages.ContainsKey(file) ? file : null;
    }

    /// <summary>Replaces the links and ids of one produced page (same output path) after it was re-rendered.</summary>
    public void ReplacePage(string path, PageLinks links)
    {
        if (!_pages.ContainsKey(path))
        {
            throw new InvalidOperationException($"'{path}' is not a produced page; only existing pages can be replaced.");
        }

        _pages[path] = links;
    }

    /// <summary>Adds a produced file that is not a page (a new search index shard).</summary>
    public void AddFile(string path) => _files.Add(path);

    /// <summary>Removes a produced file that is not a page (a search index shard left without terms).</summary>
    public void RemoveFile(string path)
    {
        if (_pages.ContainsKey(path))
        {
            throw new InvalidOperationException($"'{path}' is a page; pages are never removed from a produced site.");
        }

        _files.Remove(path);
    }

    private LinkProblem Missing(string path)
    {
        var asPage = path.EndsWith('/') ? path : path + "/";
        if (_index.DraftUrls.Contains(asPage))
        {
            return new LinkProblem(ErrorCodes.LinkToDraft, $"'{path}' is a draft and is not published; remove the link or publish the page");
        }

        var suggestion = Suggestions.Closest(path, _pageUrls.Concat(_files.Where(f => !f.EndsWith(".html", StringComparison.Ordinal))));
        return new LinkProblem(ErrorCodes.BrokenLink, $"'{path}' is not a page or file of the built site", suggestion);
    }

    private string? Find(string path)
    {
        if (path.EndsWith('/'))
        {
            return Produced(path, "index.html") ?? Redirected(path);
        }

        if (_files.Contains(path))
        {
            return path;
        }

        return Produced(path, "/index.html") ?? Redirected(path);
    }

    /// <summary>
    /// The produced file <paramref name="path"/> + <paramref name="suffix"/>, as the set holds it, or
    /// null; asked without building the string (this runs for most of a site's links).
    /// </summary>
    private string? Produced(string path, string suffix)
    {
        var length = path.Length + suffix.Length;
        Span<char> candidate = length <= 256 ? stackalloc char[length] : new char[length];
        path.AsSpan().CopyTo(candidate);
        suffix.AsSpan().CopyTo(candidate[path.Length..]);
        return _files.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(candidate, out var produced) ? produced : null;
    }

    private string? Redirected(string path)
    {
        var key = path.EndsWith('/') || Path.HasExtension(path) ? path : path + "/";
        return _index.Redirects.TryGetValue(key, out var to) ? Find(to) : null;
    }

    private static readonly SearchValues<char> NeedsUri = SearchValues.Create(" \\%");

    /// <summary>Resolves a relative path against a page URL as a browser does (RFC 3986 dot segments).</summary>
    public static string Resolve(string pageUrl, string path)
    {
        // Most links are already clean root-relative paths: skip building two Uri objects for them.
        if (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && path.IndexOf("/.", StringComparison.Ordinal) < 0 && path.AsSpan().IndexOfAny(NeedsUri) < 0)
        {
            return path;
        }

        var baseUri = new Uri(new Uri("http://site.invalid"), pageUrl);
        var resolved = new Uri(baseUri, path);
        return resolved.AbsolutePath;
    }

    [GeneratedRegex(@"^mailto:[^@\s/]+@[^@\s.]+(\.[^@\s.]+)+(\?.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MailTo();

    [GeneratedRegex(@"^tel:\+?[0-9][0-9\-. ()]{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex Tel();
}
