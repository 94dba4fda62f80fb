using System.Collections.Concurrent;
using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Media.Images;

namespace KneeGuide.Site.Media;

/// <summary>
/// Every image in images/ and clip in videos/, as the site publishes them, worked out once before the
/// pipelines start: pages need each picture's size and copies to write their HTML, and the Images
/// pipeline needs the same list to make the files. A file that cannot be read is reported here, at
/// the file.
/// </summary>
public sealed class MediaLibrary
{
    private readonly ImageHeaders _headers;

    private MediaLibrary(ImageHeaders headers, DerivativeStore store) => (_headers, Store) = (headers, store);

    /// <summary>Images by file name in images/.</summary>
    public IReadOnlyDictionary<string, MediaImage> Images { get; private init; } = new Dictionary<string, MediaImage>();

    /// <summary>Clips by file name in videos/.</summary>
    public IReadOnlyDictionary<string, MediaVideo> Videos { get; private init; } = new Dictionary<string, MediaVideo>();

    /// <summary>A library with no images or clips (tests of the Markdown renderer).</summary>
    public static MediaLibrary Empty { get; } = new(ImageHeaders.Load(BuildCache.InMemory(0)), DerivativeStore.Temporary());

    /// <summary>A library of the given images (tests).</summary>
    public static MediaLibrary Of(IEnumerable<MediaImage> images, IEnumerable<MediaVideo>? videos = null) =>
        new(ImageHeaders.Load(BuildCache.InMemory(0)), DerivativeStore.Temporary())
        {
            Images = new SortedDictionary<string, MediaImage>(images.ToDictionary(i => i.File, StringComparer.Ordinal), StringComparer.Ordinal),
            Videos = new SortedDictionary<string, MediaVideo>((videos ?? []).ToDictionary(v => v.File, StringComparer.Ordinal), StringComparer.Ordinal),
        };

    /// <summary>Where encoded copies are kept between builds.</summary>
    public DerivativeStore Store { get; }

    public static MediaLibrary Load(SiteInputs inputs, SourceFingerprints fingerprints, BuildCache cache, DerivativeStore store, DiagnosticBag diagnostics)
    {
        var catalog = inputs.Catalog;
        var headers = ImageHeaders.Load(cache);
        var settings = inputs.Config.Images;
        var images = new ConcurrentDictionary<string, MediaImage>(StringComparer.Ordinal);
        Parallel.ForEach(catalog.FilesOf(ContentKind.Image).ToList(), path =>
        {
            if (Image(catalog, path, fingerprints, headers, settings, diagnostics) is { } image)
            {
                images[image.File] = image;
            }
        });

        var videos = new ConcurrentDictionary<string, MediaVideo>(StringComparer.Ordinal);
        Parallel.ForEach(catalog.FilesOf(ContentKind.Video).ToList(), path =>
        {
            if (Video(inputs, path, fingerprints, headers, store, diagnostics) is { } video)
            {
                videos[video.File] = video;
            }
        });

        return new MediaLibrary(headers, store)
        {
            Images = new SortedDictionary<string, MediaImage>(images, StringComparer.Ordinal),
            Videos = new SortedDictionary<string, MediaVideo>(videos, StringComparer.Ordinal),
        };
    }

    /// <summary>Keeps what was learnt about the photos (their headers) for the next build.</summary>
    public void Save(BuildCache cache) => _headers.Save(cache);

    private static MediaImage? Image(SourceCatalog catalog, string path, SourceFingerprints fingerprints, ImageHeaders headers, ImageSettings settings, DiagnosticBag diagnostics)
    {
        var file = Path.GetFileName(path);
        var absolute = catalog.AbsolutePath(path);
        var at = SourceLocation.InFile(catalog.Display(path));
        var bytes = catalog.StampOf(path).Size;
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension == ".svg")
        {
            var size = SvgSize.Read(absolute);
            return new MediaImage { File = file, Width = size?.Width ?? 0, Height = size?.Height ?? 0, SourceBytes = bytes };
        }

        if (extension == ".gif")
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.UnsupportedImage, at, "GIF images are not published: save a picture as PNG or JPEG, or an animation as an MP4 clip in videos/ (with captions)"));
            return null;
        }

        if (fingerprints.Of(path) is not { } hash)
        {
            return null;
        }

        try
        {
            return ImagePlan.ForPhoto(file, headers.Of(hash, absolute), bytes, settings);
        }
        catch (ImageProcessingException e)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.UnreadableImage, at, $"this file cannot be read as a photo ({Reason(e, absolute)}): open it in an image editor and save it again as JPEG or PNG"));
            return null;
        }
    }

    private static MediaVideo? Video(SiteInputs inputs, string path, SourceFingerprints fingerprints, ImageHeaders headers, DerivativeStore store, DiagnosticBag diagnostics)
    {
        var catalog = inputs.Catalog;
        var file = Path.GetFileName(path);
        var name = Path.GetFileNameWithoutExtension(file);
        var absolute = catalog.AbsolutePath(path);
        var at = SourceLocation.InFile(catalog.Display(path));
        if (file.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) && Mp4Location.Has(absolute))
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.VideoLocation, at,
                $"this clip records the place where it was filmed (GPS), which every reader could see: remove it, e.g. with 'ffmpeg -i {file} -map_metadata -1 -c copy {name}-clean.mp4', and use the clean file"));
        }

        var language = inputs.Config.Language;
        var captions = catalog.FilesOf(ContentKind.VideoCaptions)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Select(c => CaptionsOf(c, name, language))
            .OfType<VideoCaptions>()
            .OrderBy(c => c.IsDefault ? 0 : 1).ThenBy(c => c.Language, StringComparer.Ordinal)
            .ToList();

        var poster = Poster(catalog, name, fingerprints, headers, store, absolute, diagnostics, at);
        return new MediaVideo
        {
            File = file,
            MediaType = file.EndsWith(".webm", StringComparison.OrdinalIgnoreCase) ? "video/webm" : "video/mp4",
            Captions = captions,
            Poster = poster?.Published,
            PosterSource = poster?.Source,
            Width = poster?.Info.Width ?? 0,
            Height = poster?.Info.Height ?? 0,
        };
    }

    /// <summary>videos/x.vtt is in the site's language; videos/x.es.vtt in Spanish.</summary>
    private static VideoCaptions? CaptionsOf(string captionsFile, string clip, string siteLanguage)
    {
        var stem = Path.GetFileNameWithoutExtension(captionsFile);
        if (stem == clip)
        {
            return new VideoCaptions(captionsFile, siteLanguage, IsDefault: true);
        }

        return stem.StartsWith(clip + ".", StringComparison.Ordinal) && stem[(clip.Length + 1)..] is { Length: >= 2 and <= 8 } code && code.All(char.IsAsciiLetterOrDigit)
            ? new VideoCaptions(captionsFile, code, IsDefault: false)
            : null;
    }

    /// <summary>The width posters are published at: a clip's frame on a large screen.</summary>
    private const int PosterWidth = 1280;

    private sealed record PosterPlan(PublishedImage Published, string? Source, ImageInfo Info);

    private static PosterPlan? Poster(SourceCatalog catalog, string name, SourceFingerprints fingerprints, ImageHeaders headers, DerivativeStore store, string videoPath, DiagnosticBag diagnostics, SourceLocation at)
    {
        var given = catalog.FilesOf(ContentKind.VideoPoster).FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == name);
        try
        {
            if (given is not null && fingerprints.Of(given) is { } hash)
            {
                var info = headers.Of(hash, catalog.AbsolutePath(given));
                var spec = new ImageDerivative(Math.Min(info.Width, PosterWidth), ImagePlan.SameNameFormat(info.Format));
                return new PosterPlan(new PublishedImage(given, spec, Height(info, spec.Width)), given, info);
            }

            if (fingerprints.Of("videos/" + Path.GetFileName(videoPath)) is not { } videoHash)
            {
                return null;
            }

            var frameKey = DerivativeStore.Key(videoHash, "poster-frame", "png");
            var frame = store.Find(frameKey);
            if (frame is null && VideoFrames.Grab(videoPath) is { } png)
            {
                frame = store.Keep(frameKey, png);
            }

            if (frame is null)
            {
                diagnostics.Add(Diagnostic.Warning(ErrorCodes.NoPoster, at,
                    $"this clip has no poster picture, so readers see a black box until it plays: add videos/{name}.jpg (a still of the clip), or install ffmpeg and the build takes one"));
                return null;
            }

            var frameInfo = headers.Of(ContentHash.Of(File.ReadAllBytes(frame)), frame);
            var frameSpec = new ImageDerivative(Math.Min(frameInfo.Width, PosterWidth), DerivativeFormat.Jpeg);
            return new PosterPlan(new PublishedImage($"videos/{name}.jpg", frameSpec, Height(frameInfo, frameSpec.Width)), null, frameInfo);
        }
        catch (ImageProcessingException e)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.UnreadableImage, given is null ? at : SourceLocation.InFile(catalog.Display(given)), $"the poster picture cannot be read ({e.Message}): save it again as JPEG"));
            return null;
        }
    }

    private static int Height(ImageInfo info, int width) => Math.Max(1, (int)Math.Round((double)info.Height * width / info.Width));

    /// <summary>The library's message without the absolute path it starts with (the editor knows which file).</summary>
    private static string Reason(ImageProcessingException e, string absolute) =>
        e.Message.StartsWith(absolute + ": ", StringComparison.Ordinal) ? e.Message[(absolute.Length + 2)..] : e.Message;
}
