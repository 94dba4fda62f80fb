namespace KneeGuide.Site.Media;

/// <summary>One captions file of a clip: videos/&lt;name&gt;.vtt (the site's language) or videos/&lt;name&gt;.&lt;code&gt;.vtt.</summary>
public sealed record VideoCaptions(string File, string Language, bool IsDefault)
{
    public string Url => "/videos/" + Uri.EscapeDataString(File);
}

/// <summary>
/// A clip in <c>videos/</c> as the site publishes it: the file as it is, its captions, and a poster
/// (the editor's videos/&lt;name&gt;.jpg, or a frame taken from the clip) re-encoded without metadata.
/// </summary>
public sealed record MediaVideo
{
    /// <summary>The file name in videos/.</summary>
    public required string File { get; init; }

    public required string MediaType { get; init; }

    public IReadOnlyList<VideoCaptions> Captions { get; init; } = [];

    /// <summary>The poster's published copy, or null when there is none (no poster file and no ffmpeg).</summary>
    public PublishedImage? Poster { get; init; }

    /// <summary>Where the poster's pixels come from: an input file, or a frame of the clip (null).</summary>
    public string? PosterSource { get; init; }

    /// <summary>The clip's shape, from its poster (a frame of it): width and height for the video element.</summary>
    public int Width { get; init; }

    public int Height { get; init; }

    public string Url => "/videos/" + Uri.EscapeDataString(File);

    /// <summary>The name without its extension (heel-raise-demo for heel-raise-demo.mp4).</summary>
    public string Name => Path.GetFileNameWithoutExtension(File);
}
