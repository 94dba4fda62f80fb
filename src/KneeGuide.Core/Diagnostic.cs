namespace KneeGuide.Core;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// A fault found in the content, as a value: reporters decide how to print it (editor text, JSON,
/// GitHub annotations, SARIF). <see cref="File"/> is the path as the editor knows it
/// (for example <c>input/articles/x.md</c>); line and column are 1-based, 0 when unknown.
/// </summary>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    string? File,
    int Line,
    int Column,
    string Message,
    string? Suggestion = null)
{
    public static Diagnostic Error(string code, SourceLocation at, string message, string? suggestion = null) =>
        new(code, Severity.Error, at.File, at.Line, at.Column, message, suggestion);

    public static Diagnostic Warning(string code, SourceLocation at, string message, string? suggestion = null) =>
        new(code, Severity.Warning, at.File, at.Line, at.Column, message, suggestion);

    public string SeverityName => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The editor format: <c>input/articles/x.md:12:5: error KG1234: message (did you mean 'y'?)</c>.</summary>
    public override string ToString()
    {
        var where = File is null ? "kneeguide" : Line > 0 ? $"{File}:{Line}:{Math.Max(Column, 1)}" : File;
        var hint = Suggestion is null ? string.Empty : $" (did you mean '{Suggestion}'?)";
        return $"{where}: {SeverityName} {Code}: {Message}{hint}";
    }
}

/// <summary>A place in a source file, 1-based, as an editor shows it.</summary>
public readonly record struct SourceLocation(string? File, int Line, int Column)
{
    public static SourceLocation InFile(string file) => new(file, 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
