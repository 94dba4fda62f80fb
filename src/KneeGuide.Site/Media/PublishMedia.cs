using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Media.Images;

namespace KneeGuide.Site.Media;

/// <summary>
/// Process phase of the Images pipeline: one document per published file of every image and clip.
/// An SVG, a clip and its captions are published as they are; a photo and a poster as the copies
/// <see cref="MediaLibrary"/> planned, each taken from the <see cref="DerivativeStore"/> when an
/// earlier build (or the preview) encoded it already, and encoded otherwise. Encoding runs on every
/// core beside the pages' work.
/// </summary>
public sealed class PublishMedia : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var library = context.GetService<MediaLibrary>();
        var site = context.GetService<SiteInputs>();
        var fingerprints = context.GetService<SourceFingerprints>();
        var catalog = site.Catalog;
        var jobs = new List<Func<IReadOnlyList<Document>>>();
        foreach (var image in library.Images.Values)
        {
            var path = "images/" + image.File;
            if (!image.IsRaster)
            {
                jobs.Add(() => [new Document(path, path, DocumentContent.FromFile(catalog.AbsolutePath(path), fingerprints.Of(path)))]);
                continue;
            }

            if (fingerprints.Of(path) is { } hash)
            {
                jobs.Add(() => Encode(path, catalog.AbsolutePath(path), hash, image.AllPublished.ToList(), image.OpenGraph, library.Store, context));
            }
        }

        foreach (var video in library.Videos.Values)
        {
            var path = "videos/" + video.File;
            jobs.Add(() => [new Document(path, path, DocumentContent.FromFile(catalog.AbsolutePath(path), fingerprints.Of(path)))]);
            foreach (var captions in video.Captions)
            {
                var captionsPath = "videos/" + captions.File;
                jobs.Add(() => [new Document(captionsPath, captionsPath, DocumentContent.FromFile(catalog.AbsolutePath(captionsPath), fingerprints.Of(captionsPath)))]);
            }

            if (video.Poster is { } poster)
            {
                var source = video.PosterSource;
                var hash = source is null ? fingerprints.Of(path) : fingerprints.Of(source);
                if (hash is { } known)
                {
                    var recipeSource = source is null ? library.Store.Find(DerivativeStore.Key(known, "poster-frame", "png")) : catalog.AbsolutePath(source);
                    if (recipeSource is not null)
                    {
                        jobs.Add(() => Encode(source ?? path, recipeSource, known, [poster], null, library.Store, context));
                    }
                }
            }
        }

        var results = new IReadOnlyList<Document>[jobs.Count];
        Parallel.For(0, jobs.Count, i => results[i] = jobs[i]());
        IReadOnlyList<Document> documents = results.SelectMany(r => r).OrderBy(d => d.Destination, StringComparer.Ordinal).ToList();
        return Task.FromResult(documents);
    }

    /// <summary>The copies of one source: each from the store, or encoded (all missing widths in one decode pass).</summary>
    private static IReadOnlyList<Document> Encode(string source, string absolute, UInt128 hash, IReadOnlyList<PublishedImage> copies, PublishedImage? crop, DerivativeStore store, IExecutionContext context)
    {
        var found = new Dictionary<PublishedImage, DocumentContent>();
        var missing = new List<PublishedImage>();
        foreach (var copy in copies)
        {
            if (store.Find(Key(hash, copy, crop)) is { } kept)
            {
                found[copy] = DocumentContent.FromFile(kept);
            }
            else
            {
                missing.Add(copy);
            }
        }

        if (missing.Count > 0)
        {
            try
            {
                // Copies with the same key (the same-name copy is often the 1920 px JPEG) are encoded once.
                var resized = missing.Where(m => m != crop).DistinctBy(m => Key(hash, m, crop)).ToList();
                var bytes = ImageEncoder.EncodeAll(absolute, resized.Select(m => m.Spec).ToList()).ToList();
                if (crop is not null && missing.Contains(crop))
                {
                    resized.Add(crop);
                    bytes.Add(OpenGraphImage.Crop(absolute));
                }

                var encoded = new Dictionary<string, DocumentContent>(StringComparer.Ordinal);
                for (var i = 0; i < resized.Count; i++)
                {
                    var key = Key(hash, resized[i], crop);
                    encoded[key] = Kept(store, key, bytes[i]);
                }

                foreach (var copy in missing)
                {
                    found[copy] = encoded[Key(hash, copy, crop)];
                }
            }
            catch (ImageProcessingException e)
            {
                var site = context.GetService<SiteInputs>();
                context.Diagnostics.Add(Diagnostic.Error(ErrorCodes.UnreadableImage, SourceLocation.InFile(site.Catalog.Display(source)), $"this picture could not be converted for the web ({e.Message}): open it in an image editor and save it again as JPEG or PNG"));
                return [];
            }
        }

        return copies.Select(c => new Document(source, c.Destination, found[c])).ToList();
    }

    private static DocumentContent Kept(DerivativeStore store, string key, byte[] bytes)
    {
        try
        {
            return DocumentContent.FromFile(store.Keep(key, bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache folder that cannot be written costs the next build time, never this build its result.
            return DocumentContent.FromUtf8(bytes);
        }
    }

    /// <summary>What a copy is made from and how: the store's key for it.</summary>
    private static string Key(UInt128 hash, PublishedImage copy, PublishedImage? crop) =>
        DerivativeStore.Key(hash, copy == crop ? "og" : $"{copy.Spec.Width}:{copy.Spec.Format}:{copy.Spec.Quality}", copy.Spec.Extension);
}
