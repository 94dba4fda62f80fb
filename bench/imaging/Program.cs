using System.Diagnostics;
using System.Text.Json;
using NetVips;

namespace KneeGuide.ImagingBench;

/// <summary>
/// One measurement per process, so /usr/bin/time -v sees one library's peak memory alone.
///   job   --library netvips|imagesharp --input F [--repeat N] [--out DIR] [--webp-q Q] [--jpeg-q Q]
///         [--avif-q Q] [--avif-effort E] [--moz]
///   sweep --library L --input F --format webp|jpeg|avif|png --widths 960,1920 --qualities 50,60 --out DIR [--moz]
///   avif  --input F --widths 960,1920 --qualities 45,55 --efforts 0,2,4 [--repeat N] [--out DIR]
///   probe --input F      (libvips header read: the time a build pays per image to know what it has)
///   topng --input DIR    (every .avif in DIR decoded to a lossless .avif.png beside it: ffmpeg 5.1 reads no AVIF)
/// Common: --vips-threads N (libvips worker threads per image; default: one per core).
/// Prints one JSON object on stdout: wall and CPU milliseconds of each repeat, bytes of each output.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var options = Options.Parse(args.Skip(1));
        if (options.TryGetValue("vips-threads", out var threads))
        {
            NetVips.NetVips.Concurrency = int.Parse(threads);
        }

        // The product turns libvips' operation cache off (a build never repeats an operation); so does the bench.
        Cache.Max = 0;
        var result = args[0] switch
        {
            "job" => RunJob(options),
            "sweep" => RunSweep(options),
            "avif" => RunAvif(options),
            "probe" => RunProbe(options),
            "topng" => RunToPng(options),
            _ => throw new ArgumentException($"unknown command {args[0]}"),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static IPhotoJob Job(string library) => library switch
    {
        "netvips" => new VipsPhotoJob(),
        "imagesharp" => new ImageSharpPhotoJob(),
        _ => throw new ArgumentException($"unknown library {library}"),
    };

    private static Dictionary<string, object> RunJob(Dictionary<string, string> o)
    {
        var job = Job(o["library"]);
        var settings = new JobSettings(
            WebpQuality: int.Parse(o.GetValueOrDefault("webp-q", "80")),
            JpegQuality: int.Parse(o.GetValueOrDefault("jpeg-q", "80")),
            AvifQuality: o.TryGetValue("avif-q", out var aq) ? int.Parse(aq) : null,
            AvifEffort: int.Parse(o.GetValueOrDefault("avif-effort", "2")),
            MozJpeg: o.ContainsKey("moz"));
        var runs = new List<object>();
        IReadOnlyList<JobOutput> outputs = [];
        for (var i = 0; i < int.Parse(o.GetValueOrDefault("repeat", "1")); i++)
        {
            var (wall, cpu) = Measure(() => outputs = job.Run(o["input"], settings));
            runs.Add(new { wall_ms = wall, cpu_ms = cpu });
        }

        Write(o, outputs);
        return new()
        {
            ["library"] = job.Library,
            ["input"] = Path.GetFileName(o["input"]),
            ["runs"] = runs,
            ["outputs"] = outputs.ToDictionary(x => x.Name, x => x.Bytes.Length),
        };
    }

    private static Dictionary<string, object> RunSweep(Dictionary<string, string> o)
    {
        var job = Job(o["library"]);
        var outputs = job.Sweep(o["input"], Ints(o["widths"]), o["format"], Ints(o.GetValueOrDefault("qualities", "0")), o.ContainsKey("moz"));
        Write(o, outputs);
        return new() { ["outputs"] = outputs.ToDictionary(x => x.Name, x => x.Bytes.Length) };
    }

    private static Dictionary<string, object> RunAvif(Dictionary<string, string> o)
    {
        var rows = new List<object>();
        var outputs = new List<JobOutput>();
        foreach (var width in Ints(o["widths"]))
        {
            using var thumb = Image.Thumbnail(o["input"], width, height: 10_000_000, size: Enums.Size.Down);
            using var pixels = thumb.CopyMemory();
            foreach (var effort in Ints(o["efforts"]))
            {
                foreach (var q in Ints(o["qualities"]))
                {
                    byte[] bytes = [];
                    var times = new List<double>();
                    var cpus = new List<double>();
                    for (var i = 0; i < int.Parse(o.GetValueOrDefault("repeat", "1")); i++)
                    {
                        var (wall, cpu) = Measure(() => bytes = pixels.HeifsaveBuffer(q: q, effort: effort,
                            compression: Enums.ForeignHeifCompression.Av1, keep: Enums.ForeignKeep.None));
                        times.Add(wall);
                        cpus.Add(cpu);
                    }

                    outputs.Add(new($"{width}-e{effort}-q{q}.avif", bytes));
                    rows.Add(new { width, effort, q, bytes = bytes.Length, wall_ms = times, cpu_ms = cpus });
                }
            }
        }

        Write(o, outputs);
        return new() { ["avif"] = rows };
    }

    private static Dictionary<string, object> RunProbe(Dictionary<string, string> o)
    {
        var runs = new List<object>();
        for (var i = 0; i < int.Parse(o.GetValueOrDefault("repeat", "5")); i++)
        {
            var (wall, cpu) = Measure(() =>
            {
                using var image = Image.NewFromFile(o["input"]);
                _ = (image.Width, image.Height, image.HasAlpha());
            });
            runs.Add(new { wall_ms = wall, cpu_ms = cpu });
        }

        return new() { ["runs"] = runs };
    }

    private static Dictionary<string, object> RunToPng(Dictionary<string, string> o)
    {
        var files = Directory.GetFiles(o["input"], "*.avif").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            using var image = Image.NewFromFile(file);
            image.Pngsave(file + ".png", compression: 1);
        }

        return new() { ["decoded"] = files.Count };
    }

    private static (double WallMs, double CpuMs) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        process.Refresh();
        return (Math.Round(clock.Elapsed.TotalMilliseconds, 1), Math.Round((process.TotalProcessorTime - cpu).TotalMilliseconds, 1));
    }

    private static void Write(Dictionary<string, string> o, IReadOnlyList<JobOutput> outputs)
    {
        if (!o.TryGetValue("out", out var dir))
        {
            return;
        }

        Directory.CreateDirectory(dir);
        foreach (var output in outputs)
        {
            File.WriteAllBytes(Path.Combine(dir, output.Name), output.Bytes);
        }
    }

    private static int[] Ints(string list) => list.Split(',').Select(int.Parse).ToArray();
}

internal static class Options
{
    /// <summary>--name value pairs; a --flag followed by another --option (or nothing) is "true".</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var options = new Dictionary<string, string>();
        for (var i = 0; i < list.Count; i++)
        {
            var name = list[i].TrimStart('-');
            var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? list[++i] : "true";
        }

        return options;
    }
}
