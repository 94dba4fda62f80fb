namespace KneeGuide.Site.Diagnostics;

/// <summary>
/// Every diagnostic code the build can report. The editor guide lists each with an example and its
/// fix; a test checks that the guide and this list agree.
/// </summary>
public static class ErrorCodes
{
    // Files and YAML
    public const string MalformedYaml = "KG1001";
    public const string UnclosedFrontMatter = "KG1002";
    public const string UnreadableFile = "KG1003";
    public const string MissingFile = "KG1004";

    // Front matter schema
    public const string MissingKey = "KG1101";
    public const string UnknownKey = "KG1102";
    public const string WrongType = "KG1103";
    public const string InvalidValue = "KG1104";
    public const string DuplicateKey = "KG1105";
    public const string EmptyValue = "KG1106";
    public const string OutOfRange = "KG1107";
    public const string InvisibleCharacter = "KG1108";
    public const string CurlyQuotes = "KG1109";

    // Identity and references between content
    public const string DuplicateSlug = "KG1201";
    public const string DuplicateRedirect = "KG1202";
    public const string UnknownExercise = "KG1203";
    public const string UnknownMobility = "KG1204";
    public const string UnsafePath = "KG1205";
    public const string CaseClash = "KG1206";
    public const string FileNameStyle = "KG1207";
    public const string ExerciseListedTwice = "KG1208";

    // Markdown
    public const string NotAHeading = "KG1401";

    // Readability
    public const string HardToRead = "KG1501";

    // Images
    public const string MissingImage = "KG1301";
    public const string MissingCredit = "KG1302";
    public const string MissingAltText = "KG1303";
    public const string UnusedCredit = "KG1304";
    public const string CreditLanguage = "KG1305";

    // Photos and videos (src/KneeGuide.Site/Media)
    public const string UnreadableImage = "KG1310";
    public const string UnsupportedImage = "KG1311";
    public const string LargeSourceImage = "KG1312";
    public const string PageImageBudget = "KG1313";
    public const string ImageTooSmall = "KG1314";
    public const string SvgWithoutSize = "KG1315";
    public const string MissingCaptions = "KG1320";
    public const string VideoLocation = "KG1321";
    public const string VideoNotAlone = "KG1322";
    public const string BadVideoAddress = "KG1323";
    public const string NoPoster = "KG1324";

    // Links
    public const string BrokenLink = "KG2001";
    public const string BrokenAnchor = "KG2002";
    public const string LinkEscapesInput = "KG2003";
    public const string LinkToDraft = "KG2004";
    public const string MalformedMailOrTel = "KG2005";
    public const string DuplicateId = "KG2006";
    public const string ScriptLink = "KG2007";
    public const string ExternalLinkBroken = "KG2101";

    // Search settings
    public const string UnusableSynonym = "KG1601";

    // Translations
    public const string UndeclaredLanguage = "KG1701";
    public const string TranslationWithoutOriginal = "KG1702";
    public const string KeyFromOriginal = "KG1703";
    public const string TranslatedDosageDiffers = "KG1704";
    public const string StaleTranslation = "KG1705";

    // Theme
    public const string TemplateError = "KG3001";
    public const string MissingTemplate = "KG3002";
    public const string MissingThemeString = "KG3003";

    // Review governance
    public const string ReviewDueSoon = "KG4001";
    public const string ReviewOverdue = "KG4002";

    // The web editor (/admin/)
    public const string WebEditorMissing = "KG5001";

    /// <summary>
    /// Each code's short title, as the editor guide's entry names it (a test keeps the two in step):
    /// for tools that list rules, such as SARIF viewers.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [MalformedYaml] = "Malformed YAML",
        [UnclosedFrontMatter] = "Front matter never closed",
        [UnreadableFile] = "Unreadable file",
        [MissingFile] = "Missing file or folder",
        [MissingKey] = "Missing required key",
        [UnknownKey] = "Unknown key",
        [WrongType] = "Wrong type",
        [InvalidValue] = "Invalid value",
        [DuplicateKey] = "Duplicate key",
        [EmptyValue] = "Empty required value",
        [OutOfRange] = "Value out of range",
        [InvisibleCharacter] = "Invisible character",
        [CurlyQuotes] = "Curly quotes around a value",
        [DuplicateSlug] = "Duplicate slug",
        [DuplicateRedirect] = "Duplicate redirect",
        [UnknownExercise] = "Unknown exercise",
        [UnknownMobility] = "Unknown mobility page",
        [UnsafePath] = "Unsafe path",
        [CaseClash] = "File names differ only in case",
        [FileNameStyle] = "Capitals or spaces in a file name",
        [ExerciseListedTwice] = "Exercise listed twice",
        [NotAHeading] = "Not a heading",
        [HardToRead] = "Hard to read",
        [MissingImage] = "Missing image",
        [MissingCredit] = "Image without credit",
        [MissingAltText] = "Image without alt text",
        [UnusedCredit] = "Unused credit",
        [CreditLanguage] = "Credit translated into an undeclared language",
        [UnreadableImage] = "Unreadable photo",
        [UnsupportedImage] = "GIF image",
        [LargeSourceImage] = "Very large image file",
        [PageImageBudget] = "Page images too heavy",
        [ImageTooSmall] = "Photo too small for its place",
        [SvgWithoutSize] = "Drawing without a size",
        [MissingCaptions] = "Clip without captions",
        [VideoLocation] = "Clip records where it was filmed",
        [VideoNotAlone] = "Video not on a line of its own",
        [BadVideoAddress] = "Video address not understood",
        [NoPoster] = "Clip without a poster",
        [BrokenLink] = "Broken link",
        [BrokenAnchor] = "Broken anchor",
        [LinkEscapesInput] = "Link leaves the input folder",
        [LinkToDraft] = "Link to a draft",
        [MalformedMailOrTel] = "Malformed email or phone link",
        [DuplicateId] = "Duplicate id",
        [ScriptLink] = "Link that runs script",
        [ExternalLinkBroken] = "External link broken",
        [UnusableSynonym] = "Search synonym that cannot work",
        [UndeclaredLanguage] = "Translation in an undeclared language",
        [TranslationWithoutOriginal] = "Translation without an original",
        [KeyFromOriginal] = "Key that comes from the original",
        [TranslatedDosageDiffers] = "Translated dosage differs",
        [StaleTranslation] = "Translation older than its original",
        [TemplateError] = "Template error",
        [MissingTemplate] = "Missing template",
        [MissingThemeString] = "Theme words missing in a language",
        [ReviewDueSoon] = "Review due soon",
        [ReviewOverdue] = "Review overdue",
        [WebEditorMissing] = "Web editor left out",
    };
}
