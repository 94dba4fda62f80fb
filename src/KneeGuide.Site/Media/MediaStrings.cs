namespace KneeGuide.Site.Media;

/// <summary>
/// The words the media markup shows readers, in one place so that a translation replaces them all
/// (issue 17 reads them from the theme's strings for each language).
/// </summary>
public sealed record MediaStrings(string DownloadVideo, string PlaysFrom, string VideoCredit)
{
    /// <summary>The label of an image's credit line ("Image: author, licence").</summary>
    public string ImageCredit { get; init; } = "Image";

    public static MediaStrings English { get; } = new(
        DownloadVideo: "Download the video",
        PlaysFrom: "Plays from {0} when you press play; nothing loads from {0} before that.",
        VideoCredit: "Video");

    /// <summary>The data key of a Markdown document rendered with words other than English's (a translation's body).</summary>
    public const string DataKey = "kg-media-strings";

    /// <summary>The media words in a language: the theme's <c>media:</c> strings, English without a theme.</summary>
    public static MediaStrings From(Templates.ThemeStrings strings) =>
        strings.Values.Count == 0 ? English
            : new MediaStrings(strings.Text("media.download_video"), strings.Text("media.plays_from"), strings.Text("media.video_credit")) { ImageCredit = strings.Text("media.image_credit") };

    /// <summary>The words of the document a Markdown block is in (<see cref="DataKey"/>), English by default.</summary>
    public static MediaStrings Of(Markdig.Syntax.Block block)
    {
        Markdig.Syntax.Block? at = block;
        while (at is not null and not Markdig.Syntax.MarkdownDocument)
        {
            at = at.Parent;
        }

        return at?.GetData(DataKey) as MediaStrings ?? English;
    }
}

/// <summary>The name of a language in that language, for a captions track's label.</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English",
        ["es"] = "Español",
        ["fr"] = "Français",
        ["de"] = "Deutsch",
        ["it"] = "Italiano",
        ["pt"] = "Português",
        ["ar"] = "العربية",
        ["zh"] = "中文",
        ["vi"] = "Tiếng Việt",
        ["el"] = "Ελληνικά",
        ["hi"] = "हिन्दी",
        ["pl"] = "Polski",
        ["tr"] = "Türkçe",
    };

    public static string Of(string code)
    {
        var primary = code.Split('-', '_')[0];
        return Names.TryGetValue(primary, out var name) ? name : code;
    }
}
