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
                Console.Out.WriteLine(DiagnosticFormats.Sarif(result.Diagnostics, Program.Version));
                return;
            case "github":
                foreach (var d in result.Diagnostics)
                {
                    Console.Out.WriteLine(DiagnosticFormats.GitHub(d));
                }

                break;
            default:
                // One diagnostic per line, never wrapped, so editors and CI logs can jump to file:line:column.
                var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
                foreach (var d in result.Diagnostics)
                {
                    var code = d.Severity == Severity.Error ? "31" : "33";
                    Console.Error.WriteLine(colour ? $"\u001b[{code}m{d}\u001b[0m" : d.ToString());
                }

                break;
        }

        var v = result.Validation;
        var checkedText = v is null ? "" : $"{v.Pages} pages, {v.Links} links and {v.Anchors} anchors checked; ";
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        Console.Out.WriteLine(result.Published
            ? $"Built {result.FilesWritten} files into {outputDisplay}/: {checkedText}{result.WarningCount} warnings, {seconds} s."
            : $"Build failed: {result.ErrorCount} errors, {result.WarningCount} warnings; {checkedText}{outputDisplay}/ left as it was ({seconds} s).");
    }

    private static JsonObject Summary(BuildResult result) => new()
    {
        ["published"] = result.Published,
        ["errors"] = result.ErrorCount,
        ["warnings"] = result.WarningCount,
        ["files"] = result.FilesWritten,
        ["pages"] = result.Validation?.Pages,
        ["links"] = result.Validation?.Links,
        ["anchors"] = result.Validation?.Anchors,
        ["seconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
    };
}
