using System.Text.RegularExpressions;

namespace KneeGuide.Site.Media;

/// <summary>A YouTube or Vimeo video an editor links to: where to watch it and the privacy-enhanced player to embed.</summary>
public sealed partial record OnlineVideo(string Provider, string Id, string WatchUrl, string EmbedUrl)
{
    public const string YouTube = "youtube";
    public const string Vimeo = "vimeo";

    /// <summary>The origins whose players a page may frame (netlify.toml's CSP frame-src lists exactly these).</summary>
    public static IReadOnlyList<string> FrameOrigins { get; } = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"];

    public string ProviderName => Provider == YouTube ? "YouTube" : "Vimeo";

    /// <summary>
    /// The video at a YouTube address (youtube.com/watch?v=ID, youtu.be/ID, /shorts/ID, /embed/ID,
    /// /live/ID) or a Vimeo one (vimeo.com/ID, player.vimeo.com/video/ID); null, with the reason, for
    /// anything else.
    /// </summary>
    public static OnlineVideo? Parse(string url, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            problem = "is not a web address (it must start with https://)";
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal) || host.StartsWith("m.", StringComparison.Ordinal))
        {
            host = host[(host.IndexOf('.') + 1)..];
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? id = null;
        if (host is "youtube.com" or "youtube-nocookie.com" or "youtu.be")
        {
            id = host == "youtu.be" ? segments.FirstOrDefault()
                : segments is ["watch"] ? QueryValue(uri.Query, "v")
                : segments is ["shorts" or "embed" or "live", var value, ..] ? value
                : null;
            if (id is null || !YouTubeId().IsMatch(id))
            {
                problem = id is null ? "has no video id (a YouTube address looks like https://www.youtube.com/watch?v=dQw4w9WgXcQ)" : $"has '{id}' where YouTube's 11-character video id should be";
                return null;
            }

            return new OnlineVideo(YouTube, id, $"https://www.youtube.com/watch?v={id}", $"https://www.youtube-nocookie.com/embed/{id}?autoplay=1");
        }

        if (host is "vimeo.com" or "player.vimeo.com")
        {
            id = host == "player.vimeo.com" ? (segments is ["video", var value, ..] ? value : null) : segments.LastOrDefault(s => s.All(char.IsAsciiDigit));
            if (id is null || id.Length == 0 || !id.All(char.IsAsciiDigit))
            {
                problem = "has no video number (a Vimeo address looks like https://vimeo.com/76979871)";
                return null;
            }

            return new OnlineVideo(Vimeo, id, $"https://vimeo.com/{id}", $"https://player.vimeo.com/video/{id}?dnt=1&autoplay=1");
        }

        problem = "is not a YouTube or Vimeo address; other sites' videos cannot be shown as a player (link to them as an ordinary link, without the \"video\" title)";
        return null;
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals] == name)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();
}
