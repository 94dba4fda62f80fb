using System.Buffers;
using System.Text.RegularExpressions;
using KneeGuide.Core;
using KneeGuide.Core.Caching;
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
/// a folder URL served by its index.html, /x served by /x/index.html, redirects followed. A link's
/// check depends on what its address resolves to and on the target page's ids: both are facts
/// ("resolve:/x/", "ids:/x/index.html") recorded as each link is checked, so a page's cached check is
/// redone exactly when one of them changes.
/// </summary>
public sealed partial class ProducedSite : IFactSource
{
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Document> _pages = new(StringComparer.Ordinal);
    private readonly SiteIndex _index;
    private readonly List<string> _pageUrls;

    public ProducedSite(IEnumerable<Document> documents, SiteIndex index)
    {
        _index = index;
        foreach (var doc in documents)
        {
            var path = "/" + doc.Destination;
            _files.Add(path);
            // A page's links and ids are read only when a link into it is checked: an unchanged site
            // whose checks come from the cache never decodes them.
            if (doc.Has<PageLinks>())
            {
                _pages[path] = doc;
            }
        }

        _pageUrls = _pages.Keys.Select(p => p.EndsWith("/index.html", StringComparison.Ordinal) ? p[..^10] : p).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A page's anchors are listed in a broken-anchor message when there are at most this many.</summary>
    private const int MaxIdsListed = 12;

    public LinkCheck Check(PageLinks from, string href) => Check(from, href, ReadSet.Ignored);

    public LinkCheck Check(PageLinks from, string href, ReadSet reads)
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
        string? targetFile = null;
        if (path.Length == 0)
        {
            target = from;
        }
        else
        {
            var absolute = Resolve(from.Url, path);
            var decoded = Uri.UnescapeDataString(absolute);
            reads.Add("resolve:" + decoded, Hash("resolve:" + decoded));
            var file = Find(decoded);
            targetFile = file;
            if (file is null)
            {
                var asPage = decoded.EndsWith('/') ? decoded : decoded + "/";
                return _index.FailedUrls.Contains(asPage) ? LinkCheck.Ok : new LinkCheck(Missing(decoded));
            }

            target = _pages.TryGetValue(file, out var page) ? page.Get<PageLinks>() : null;
        }

        if (string.IsNullOrEmpty(fragment) || fragment == "top" || target is null)
        {
            return LinkCheck.Ok;
        }

        var id = Uri.UnescapeDataString(fragment);
        if (targetFile is not null)
        {
            reads.Add("ids:" + targetFile, Hash("ids:" + targetFile));
        }

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
    /// A validation fact's current value: what an address resolves to (the produced file, or why
    /// nothing), or the ids of a produced page. The page's own ids are part of its own input.
    /// </summary>
    public UInt128 Hash(string key)
    {
        if (key.StartsWith("resolve:", StringComparison.Ordinal))
        {
            var path = key["resolve:".Length..];
            var asPage = path.EndsWith('/') ? path : path + "/";
            return ContentHash.Of(Find(path) ?? "missing", _index.FailedUrls.Contains(asPage) ? "failed" : _index.DraftUrls.Contains(asPage) ? "draft" : "");
        }

        if (key.StartsWith("ids:", StringComparison.Ordinal))
        {
            // What the ids of a page are is summed up by the hash of its links and ids as cached:
            // a page whose links change is taken to have new ids, which only costs a recheck.
            var file = key["ids:".Length..];
            return _pages.TryGetValue(file, out var page)
                ? page.Get<FacetHashes>()?.Of<PageLinks>() ?? _idHashes.GetOrAdd(file, _ => new ContentHash.Builder().AddAll(page.Require<PageLinks>().Ids.Order(StringComparer.Ordinal)).Finish())
                : ContentHash.Of("not a page");
        }

        return 0;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, UInt128> _idHashes = new(StringComparer.Ordinal);

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
