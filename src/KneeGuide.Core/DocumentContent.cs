using System.Text;

namespace KneeGuide.Core;

/// <summary>
/// What a document holds: text produced in memory, or a file that is copied as it is (images and
/// theme assets are never loaded into memory just to be written out again).
/// </summary>
public abstract class DocumentContent
{
    public static readonly DocumentContent Empty = new TextContent(string.Empty);

    public static DocumentContent FromText(string text) => new TextContent(text);

    public static DocumentContent FromFile(string absolutePath) => new FileContent(absolutePath);

    public abstract void WriteTo(string destinationPath);

    /// <summary>Text of the content (reads the file for file content).</summary>
    public abstract string ReadText();
}

public sealed class TextContent(string text) : DocumentContent
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public string Text { get; } = text;

    public override void WriteTo(string destinationPath) => File.WriteAllText(destinationPath, Text, Utf8NoBom);

    public override string ReadText() => Text;
}

public sealed class FileContent(string absolutePath) : DocumentContent
{
    public string AbsolutePath { get; } = absolutePath;

    public override void WriteTo(string destinationPath) => File.Copy(AbsolutePath, destinationPath, overwrite: true);

    public override string ReadText() => File.ReadAllText(AbsolutePath);
}
