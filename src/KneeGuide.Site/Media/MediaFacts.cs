using KneeGuide.Core.Caching;

namespace KneeGuide.Site.Media;

/// <summary>
/// The hash of everything a page's HTML shows of an image or clip (its size, its copies and their
/// addresses, captions, poster): the "media:" fact a page records, so that replacing a photo with
/// one of another shape re-renders the pages that show it, and nothing else does.
/// </summary>
public static class MediaFacts
{
    public static UInt128 Hash(MediaImage image)
    {
        var hash = new ContentHash.Builder().Add(image.File).Add(image.Width).Add(image.Height);
        foreach (var copy in image.AllPublished)
        {
            hash.Add(copy.Destination).Add(copy.Spec.Width).Add(copy.Height);
        }

        return hash.Finish();
    }

    public static UInt128 Hash(MediaVideo video)
    {
        var hash = new ContentHash.Builder().Add(video.File).Add(video.MediaType).Add(video.Width).Add(video.Height).Add(video.Poster?.Destination);
        foreach (var captions in video.Captions)
        {
            hash.Add(captions.File).Add(captions.Language).Add(captions.IsDefault);
        }

        return hash.Finish();
    }
}
