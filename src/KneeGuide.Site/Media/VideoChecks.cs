using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Media;

/// <summary>
/// What a clip must have before a page may show it, wherever it is placed (a Markdown body or an
/// exercise's <c>video:</c>): the file, captions (WCAG 2.2 1.2.2: people who cannot hear it must be
/// able to follow it) and a credit record.
/// </summary>
public static class VideoChecks
{
    /// <summary>The clip, or null with each problem reported at <paramref name="at"/>.</summary>
    public static MediaVideo? Check(string file, SourceLocation at, MediaLibrary media, SiteInputs inputs, DiagnosticBag diagnostics)
    {
        if (!media.Videos.TryGetValue(file, out var video))
        {
            var clips = inputs.Catalog.FilesOf(ContentKind.Video).Select(Path.GetFileName).OfType<string>();
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingFile, at, $"the clip '{file}' does not exist in videos/ (clips are .mp4 or .webm files there)", Suggestions.Closest(file, clips)));
            return null;
        }

        var ok = true;
        if (video.Captions.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingCaptions, at, $"the clip '{file}' has no captions: add videos/{video.Name}.vtt (WebVTT: each line of speech with its time), so that readers who cannot hear it can follow it"));
            ok = false;
        }

        if (!inputs.VideoCredits.ContainsKey(file))
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingCredit, at, $"the clip '{file}' has no credit: add a record for it to videos/credits.yml (title, author, license), as for images"));
            ok = false;
        }

        return ok ? video : null;
    }
}
