namespace KneeGuide.Cli.Reporting;

/// <summary>"1 error", "2 errors": a count with its noun, singular when it is one.</summary>
public static class Counted
{
    public static string Of(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";
}
