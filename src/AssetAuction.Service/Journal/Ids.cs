using System.Globalization;

namespace AssetAuction.Service.Journal;

/// <summary>
/// Resource ids: version-7 UUIDs in lowercase hex, so they sort by creation time, which keyset
/// paging ("newest first") relies on. Guid.CreateVersion7 is random within a millisecond, so this
/// process also keeps them strictly increasing: the assets of one act list in the order given.
/// </summary>
public static class Ids
{
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    public static string Next(DateTimeOffset now)
    {
        var candidate = UInt128.Parse(Guid.CreateVersion7(now).ToString("N"), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        lock (Gate)
        {
            _last = candidate > _last ? candidate : _last + 1;
            return _last.ToString("x32", CultureInfo.InvariantCulture);
        }
    }
}
