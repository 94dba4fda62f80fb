namespace KneeGuide.Site.Search;

/// <summary>
/// Accented Latin letters to plain ones, so "café" and "cafe" are one term. An explicit table rather
/// than Unicode normalization because the build runs with InvariantGlobalization, where
/// string.Normalize does nothing; theme/assets/js/search-analyzer.js carries the same two strings
/// (a test compares them).
/// </summary>
public static class AccentFolding
{
    /// <summary>Accented Latin letters and, at the same position in <see cref="FoldTo"/>, their plain letter.</summary>
    public const string FoldFrom = "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŶŷŸŹźŻżŽž";

    public const string FoldTo = "aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssttttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz";

    public static char Fold(char c)
    {
        if (char.IsAscii(c))
        {
            return c;
        }

        var i = FoldFrom.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? FoldTo[i] : c;
    }

    /// <summary>The text with accents folded; the same string when there was nothing to fold (the common case).</summary>
    public static string Fold(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }
}
