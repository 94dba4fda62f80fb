using System.Text.Json;
using System.Text.Json.Nodes;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Cli.Reporting;

/// <summary>The ways a list of diagnostics can be written: one reporter, several formats.</summary>
public static class DiagnosticFormats
{
    public static bool IsKnown(string format) => format is "text" or "json" or "github" or "sarif";

    /// <summary>
    /// The editor format, on exactly one line (line breaks inside a message become spaces), in red or
    /// yellow when <paramref name="colour"/> is set.
    /// </summary>
    public static string Text(Diagnostic d, bool colour)
    {
        var line = d.ToString().ReplaceLineEndings(" ");
        return colour ? $"\u001b[{(d.Severity == Severity.Error ? "31" : "33")}m{line}\u001b[0m" : line;
    }

    /// <summary>GitHub Actions workflow commands: a pull request shows each error on its line.</summary>
    public static string GitHub(Diagnostic d)
    {
        var kind = d.Severity == Severity.Error ? "error" : d.Severity == Severity.Warning ? "warning" : "notice";
        var props = new List<string>();
        if (d.File is not null)
        {
            props.Add($"file={Escape(d.File, true)}");
        }

        if (d.Line > 0)
        {
            props.Add($"line={d.Line}");
            props.Add($"col={Math.Max(1, d.Column)}");
        }

        props.Add($"title={Escape(d.Code, true)}");
        var hint = d.Suggestion is null ? "" : $" (did you mean '{d.Suggestion}'?)";
        return $"::{kind} {string.Join(',', props)}::{Escape(d.Message + hint, false)}";
    }

    private static string Escape(string value, bool property)
    {
        var s = value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? s.Replace(":", "%3A").Replace(",", "%2C") : s;
    }

    public static string Json(IReadOnlyList<Diagnostic> diagnostics, JsonObject summary)
    {
        var array = new JsonArray();
        foreach (var d in diagnostics)
        {
            array.Add(new JsonObject
            {
                ["code"] = d.Code,
                ["severity"] = d.SeverityName,
                ["file"] = d.File,
                ["line"] = d.Line,
                ["column"] = d.Column,
                ["message"] = d.Message,
                ["suggestion"] = d.Suggestion,
            });
        }

        summary["diagnostics"] = array;
        return summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>A relative file path as a URI reference: each segment percent-encoded (spaces, '#', '%').</summary>
    private static string SarifUri(string file) =>
        string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>SARIF 2.1.0, for code-scanning tools.</summary>
    public static string Sarif(IReadOnlyList<Diagnostic> diagnostics, string version)
    {
        // Every rule the build knows, so a viewer can name a result's rule (ruleIndex points here).
        var rules = new JsonArray();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, title) in ErrorCodes.Titles)
        {
            ruleIndex[code] = rules.Count;
            rules.Add(new JsonObject { ["id"] = code, ["shortDescription"] = new JsonObject { ["text"] = title } });
        }

        var results = new JsonArray();
        foreach (var d in diagnostics)
        {
            // A diagnostic with no file has no location (SARIF forbids an empty uri and a null region).
            var locations = new JsonArray();
            if (d.File is not null)
            {
                var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = SarifUri(d.File) } };
                if (d.Line > 0)
                {
                    physical["region"] = new JsonObject { ["startLine"] = d.Line, ["startColumn"] = Math.Max(1, d.Column) };
                }

                locations.Add(new JsonObject { ["physicalLocation"] = physical });
            }

            var result = new JsonObject
            {
                ["ruleId"] = d.Code,
                ["level"] = d.Severity == Severity.Error ? "error" : d.Severity == Severity.Warning ? "warning" : "note",
                ["message"] = new JsonObject { ["text"] = d.Suggestion is null ? d.Message : $"{d.Message} (did you mean '{d.Suggestion}'?)" },
                ["locations"] = locations,
            };
            if (ruleIndex.TryGetValue(d.Code, out var index))
            {
                result["ruleIndex"] = index;
            }

            results.Add(result);
        }

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray
            {
                new JsonObject
                {
                    ["tool"] = new JsonObject
                    {
                        ["driver"] = new JsonObject
                        {
                            ["name"] = "KneeGuide",
                            ["version"] = version,
                            ["informationUri"] = "https://kneeguide.netlify.app/",
                            ["rules"] = rules,
                        },
                    },
                    ["results"] = results,
                },
            },
        };
        return sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
