namespace KneeGuide.Site.Content;

/// <summary>What a source file is, decided by where it sits in the input tree.</summary>
public enum ContentKind
{
    Home,
    Article,
    Mobility,
    Exercise,
    Page,
    Image,
    Credits,
    SiteConfig,
    StaticFile,
    /// <summary>A clip in videos/ (.mp4, .webm).</summary>
    Video,
    /// <summary>A clip's captions in videos/ (.vtt).</summary>
    VideoCaptions,
    /// <summary>A clip's poster picture in videos/ (videos/&lt;name&gt;.jpg).</summary>
    VideoPoster,
    /// <summary>videos/credits.yml.</summary>
    VideoCredits,
}

public static class ContentPaths
{
    public static readonly string[] ImageExtensions = [".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif"];

    public static ContentKind Classify(string relativePath)
    {
        var dir = relativePath.Contains('/') ? relativePath[..relativePath.IndexOf('/')] : "";
        var isMarkdown = relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        var nested = relativePath.Count(c => c == '/') > 1;
        return (dir, isMarkdown) switch
        {
            ("", true) when relativePath == "index.md" => ContentKind.Home,
            ("", false) when relativePath == "site.yml" => ContentKind.SiteConfig,
            ("articles", true) when !nested => ContentKind.Article,
            ("mobility", true) when !nested => ContentKind.Mobility,
            ("exercises", true) when !nested => ContentKind.Exercise,
            ("images", false) when relativePath == "images/credits.yml" => ContentKind.Credits,
            ("images", false) when !nested && IsImage(relativePath) => ContentKind.Image,
            ("videos", false) when relativePath == "videos/credits.yml" => ContentKind.VideoCredits,
            ("videos", false) when !nested && IsVideo(relativePath) => ContentKind.Video,
            ("videos", false) when !nested && relativePath.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase) => ContentKind.VideoCaptions,
            ("videos", false) when !nested && IsImage(relativePath) => ContentKind.VideoPoster,
            (_, true) => ContentKind.Page,
            _ => ContentKind.StaticFile,
        };
    }

    public static readonly string[] VideoExtensions = [".mp4", ".webm"];

    public static bool IsVideo(string path) =>
        VideoExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static bool IsImage(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>The slug or id: the file name without its extension.</summary>
    public static string Slug(string relativePath) => Path.GetFileNameWithoutExtension(relativePath);

    /// <summary>The pretty URL of a Markdown source: articles/x.md -> /articles/x/, index.md -> /.</summary>
    public static string UrlOf(string relativeMarkdownPath)
    {
        var withoutExtension = relativeMarkdownPath[..^3];
        if (withoutExtension == "index")
        {
            return "/";
        }

        if (withoutExtension.EndsWith("/index", StringComparison.Ordinal))
        {
            return "/" + withoutExtension[..^5];
        }

        return "/" + withoutExtension + "/";
    }

    /// <summary>The output file of a page URL: /articles/x/ -> articles/x/index.html.</summary>
    public static string DestinationOf(string url) => url.TrimStart('/') + "index.html";

    /// <summary>The URL a non-Markdown input file is published at: images/a.svg -> /images/a.svg.</summary>
    public static string FileUrlOf(string relativePath) => "/" + relativePath;
}
