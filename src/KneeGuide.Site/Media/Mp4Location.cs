using System.Buffers.Binary;
using System.Text;

namespace KneeGuide.Site.Media;

/// <summary>
/// Whether an MP4 or QuickTime clip carries the place where it was filmed. Phones write it into the
/// clip's metadata (the '©xyz' atom, or Apple's com.apple.quicktime.location.ISO6709 key), and a
/// clip published as it is would tell every reader where a patient or the clinician was.
/// </summary>
public static class Mp4Location
{
    private static readonly byte[] XyzAtom = [0xA9, (byte)'x', (byte)'y', (byte)'z'];
    private static readonly byte[] AppleKey = Encoding.ASCII.GetBytes("location.ISO6709");

    /// <summary>True when the clip's 'moov' box (where MP4 keeps its metadata) holds a location.</summary>
    public static bool Has(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return Moov(file) is { } moov && (moov.AsSpan().IndexOf(XyzAtom) >= 0 || moov.AsSpan().IndexOf(AppleKey) >= 0);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The top-level 'moov' box's bytes (at most 64 MB), walking the boxes by their sizes.</summary>
    private static byte[]? Moov(FileStream file)
    {
        Span<byte> header = stackalloc byte[16];
        long position = 0;
        while (position + 8 <= file.Length)
        {
            file.Position = position;
            if (file.Read(header[..8]) < 8)
            {
                return null;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header.Slice(4, 4));
            var headerSize = 8;
            if (size == 1)
            {
                if (file.Read(header.Slice(8, 8)) < 8)
                {
                    return null;
                }

                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.Slice(8, 8));
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = file.Length - position;
            }

            if (size < headerSize)
            {
                return null;
            }

            if (type == "moov")
            {
                var length = (int)Math.Min(size - headerSize, 64L * 1024 * 1024);
                var bytes = new byte[length];
                file.ReadExactly(bytes);
                return bytes;
            }

            position += size;
        }

        return null;
    }
}
