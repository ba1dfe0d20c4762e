using System.Security.Cryptography;
using System.Text;

namespace AssetAuction.Service.Data;

/// <summary>
/// The hash of an audit entry: SHA-256 over every field, each length-prefixed so that no two
/// different entries can serialise alike, and over the previous entry's hash (the chain).
/// </summary>
public static class AuditHasher
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static string Compute(AuditRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        foreach (var field in Fields(entry))
        {
            text.Append(field.Length).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IEnumerable<string> Fields(AuditRecord e)
    {
        yield return e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return e.Time.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return e.Subject;
        yield return e.Role;
        yield return e.Office;
        yield return e.Rpc;
        yield return e.Resource;
        yield return e.RequestId;
        yield return e.BeforeJson;
        yield return e.AfterJson;
        yield return e.PreviousHash;
    }
}
