namespace KneeGuide.Site.Media.Images;

/// <summary>
/// A source image could not be read or encoded: not a supported raster format, damaged or truncated,
/// or the native image library could not be loaded. The message names the file and the reason, for a
/// build diagnostic.
/// </summary>
public sealed class ImageProcessingException(string message, Exception? inner = null) : Exception(message, inner);
