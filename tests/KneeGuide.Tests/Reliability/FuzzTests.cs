using System.Text;
using KneeGuide.Site;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Reliability;

/// <summary>
/// Random mutations of valid front matter and Markdown (fixed seed, bounded count): every build must
/// end, in bounded time, with diagnostics rather than an exception. 300 mutated files are built ten
/// to a site, so the test stays fast while each mutation still goes through the whole build.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261125;
    private const int Mutations = 300;
    private const int FilesPerBuild = 10;
    private static readonly TimeSpan BuildLimit = TimeSpan.FromSeconds(30);

    private const string ArticleSeed = """
        ---
        title: "Runner's knee"
        description: Why it hurts and what helps.
        date: 2026-03-14
        updated: 2026-04-01
        reviewed: { by: "A. Physio", on: 2026-04-01 }
        tags: [knees, running]
        exercises: [heel-raises]
        mobility: [mobility-basics]
        image: knee.svg
        redirect_from: [/old/fuzz/]
        ---

        ## What helps

        Read [the sample](sample.md#first-part) and [raises](../exercises/heel-raises.md "card").

        ![A knee](../images/knee.svg)

        > A quote with `code [x](y.md)` and <a href="/exercises/" id="raw">raw</a>.

        - one
          - two [anchor](#what-helps)
        1. first

        | a | b |
        |---|---|
        | 1 | [t](/tags/knees/) |
        """;

    private const string ExerciseSeed = """
        ---
        title: Wall sits
        summary: Builds the quads.
        targets: [quads, glutes]
        equipment: [none]
        difficulty: beginner
        dosage:
          sets: 3
          hold_seconds: 30
          side: both
          frequency: daily
        steps:
          - "Lean on a wall, see [the sample](../articles/sample.md)."
          - Slide down **slowly**.
        cautions: ["Stop if it hurts."]
        mobility: [mobility-basics]
        ---

        Notes with a [link](../index.md).
        """;

    [Fact]
    public async Task Mutated_content_never_crashes_or_hangs_the_build()
    {
        var random = new Random(Seed);
        for (var batch = 0; batch < Mutations / FilesPerBuild; batch++)
        {
            using var site = new TestSite();
            var written = new List<string>();
            for (var i = 0; i < FilesPerBuild; i++)
            {
                var exercise = random.Next(3) == 0;
                var path = exercise ? $"exercises/fuzz-{i}.md" : $"articles/fuzz-{i}.md";
                site.WriteBytes(path, Mutate(Encoding.UTF8.GetBytes(exercise ? ExerciseSeed : ArticleSeed), random));
                written.Add(path);
            }

            var build = Task.Run(() => site.BuildAsync(timeout: BuildLimit));
            var finished = await Task.WhenAny(build, Task.Delay(BuildLimit));
            Assert.True(finished == build, $"batch {batch} (seed {Seed}) did not finish within {BuildLimit}");

            BuildResult result;
            try
            {
                result = await build;
            }
            catch (Exception e)
            {
                Assert.Fail($"batch {batch} (seed {Seed}) crashed with {e.GetType().Name}: {e.Message}; inputs kept in {Keep(site)}");
                return;
            }

            Assert.True(result.Published || result.ErrorCount > 0, $"batch {batch}: not published but no error");
            Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Code)));
        }
    }

    /// <summary>One to three random edits of the kinds editors make by accident.</summary>
    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = input.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            switch (random.Next(6))
            {
                case 0: // flip a byte
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1: // truncate
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                    break;
                default:
                    var lines = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n').ToList();
                    var at = random.Next(lines.Count);
                    switch (random.Next(4))
                    {
                        case 0: // duplicate a line
                            lines.Insert(at, lines[at]);
                            break;
                        case 1: // random indentation
                            lines[at] = new string(random.Next(2) == 0 ? ' ' : '\t', random.Next(1, 9)) + lines[at];
                            break;
                        case 2: // delete a line
                            lines.RemoveAt(at);
                            break;
                        default: // insert a YAML/Markdown-significant character
                            var special = ":-[]{}\"'#>*`|&!%@,?\\<";
                            var column = lines[at].Length == 0 ? 0 : random.Next(lines[at].Length);
                            lines[at] = lines[at].Insert(column, special[random.Next(special.Length)].ToString());
                            break;
                    }

                    bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines)).ToList();
                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Copies a crashing input out of the temporary folder so it can be turned into a fixture.</summary>
    private static string Keep(TestSite site)
    {
        var keep = Path.Combine(Path.GetTempPath(), "kneeguide-fuzz-crash-" + Path.GetFileName(site.Root));
        foreach (var file in Directory.EnumerateFiles(site.InputDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(keep, Path.GetRelativePath(site.InputDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return keep;
    }
}
