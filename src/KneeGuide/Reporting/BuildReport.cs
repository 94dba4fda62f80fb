using System.Globalization;
using System.Text.Json.Nodes;
using KneeGuide.Core;
using KneeGuide.Site;

namespace KneeGuide.Cli.Reporting;

/// <summary>Writes a build's diagnostics and summary: diagnostics to standard error, the summary to standard output.</summary>
public static class BuildReport
{
    public static void Write(BuildResult result, string format, string outputDisplay)
    {
        switch (format)
        {
            case "json":
                Console.Out.WriteLine(DiagnosticFormats.Json(result.Diagnostics, Summary(result)));
                return;
            case "sarif":
                Console.Out.WriteLine(DiagnosticFormats.Sarif(FromRepositoryRoot(result.Diagnostics), Program.Version));
                return;
            case "github":
                foreach (var d in FromRepositoryRoot(result.Diagnostics))
                {
                    Console.Out.WriteLine(DiagnosticFormats.GitHub(d));
                }

                break;
            default:
                // One diagnostic per line, never wrapped, so editors and CI logs can jump to file:line:column.
                var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
                foreach (var d in result.Diagnostics)
                {
                    Console.Error.WriteLine(DiagnosticFormats.Text(d, colour));
                }

                break;
        }

        Console.Out.WriteLine(SummaryLine(result, outputDisplay));
    }

    /// <summary>Diagnostics with their files relative to the repository root, for tools that match them against the repository.</summary>
    public static IReadOnlyList<Diagnostic> FromRepositoryRoot(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.File is null ? d : d with { File = RepositoryPaths.FromRoot(d.File) }).ToList();

    /// <summary>The last line of every build: what was checked, what was found, how long it took.</summary>
    public static string SummaryLine(BuildResult result, string outputDisplay)
    {
        var v = result.Validation;
        var external = v is null || v.ExternalLinks == 0 ? ""
            : v.ExternalUrlsChecked > 0 ? $", {Counted.Of(v.ExternalLinks, "external link")} ({Counted.Of(v.ExternalUrlsChecked, "URL")} checked, {v.ExternalFromCache} from cache)"
            : $", {Counted.Of(v.ExternalLinks, "external link")} (not checked; use --check-external)";
        var checkedText = v is null ? "" : $"{Counted.Of(v.Pages, "page")}, {Counted.Of(v.Links, "link")} and {Counted.Of(v.Anchors, "anchor")} checked{external}; ";
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        return result.Published
            ? $"Built {Counted.Of(result.FilesWritten, "file")} into {outputDisplay}/: {checkedText}{Counted.Of(result.WarningCount, "warning")}, {seconds} s."
            : $"Build failed: {Counted.Of(result.ErrorCount, "error")}, {Counted.Of(result.WarningCount, "warning")}; {checkedText}{outputDisplay}/ left as it was ({seconds} s).";
    }

    public static JsonObject Summary(BuildResult result) => new()
    {
        ["published"] = result.Published,
        ["errors"] = result.ErrorCount,
        ["warnings"] = result.WarningCount,
        ["files"] = result.FilesWritten,
        ["pages"] = result.Validation?.Pages,
        ["links"] = result.Validation?.Links,
        ["anchors"] = result.Validation?.Anchors,
        ["external_links"] = result.Validation?.ExternalLinks,
        ["external_urls_checked"] = result.Validation?.ExternalUrlsChecked,
        ["external_from_cache"] = result.Validation?.ExternalFromCache,
        ["seconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
        ["pipeline_seconds"] = new JsonObject(result.PipelineTimings
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => KeyValuePair.Create(t.Key, (JsonNode?)Math.Round(t.Value.TotalSeconds, 3)))),
    };
}
