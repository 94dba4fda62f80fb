using System.Diagnostics;

namespace KneeGuide.Site.Media;

/// <summary>
/// Takes one frame of a clip as a PNG with ffmpeg, for a clip that has no poster picture of its own.
/// ffmpeg is optional: without it such a clip simply has no poster (and the build says so once).
/// </summary>
public static class VideoFrames
{
    /// <summary>Where in the clip the poster frame is taken: past a fade-in, early enough for the shortest clip.</summary>
    private const string At = "0.5";

    private static readonly Lazy<string?> Ffmpeg = new(() => FindOnPath("ffmpeg"));

    public static bool Available => Ffmpeg.Value is not null;

    /// <summary>The frame as PNG bytes, or null when ffmpeg is missing or cannot read the clip.</summary>
    public static byte[]? Grab(string videoPath)
    {
        if (Ffmpeg.Value is not { } ffmpeg)
        {
            return null;
        }

        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -bitexact: no encoder version text in the output, so the same clip gives the same bytes.
        foreach (var argument in new[] { "-nostdin", "-v", "error", "-ss", At, "-i", videoPath, "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-fflags", "+bitexact", "-flags", "+bitexact", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            using var output = new MemoryStream();
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 && output.Length > 0 ? output.ToArray() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? [name + ".exe"] : new[] { name })
            {
                var full = Path.Combine(folder, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }
}
