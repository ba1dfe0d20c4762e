using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AssetAuction.Service.Requests;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// Opaque keyset page tokens: the last key of the page, bound to the filters it was made for
/// (a token used with other filters is refused, AIP-158).
/// </summary>
public static class PageToken
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static int Size(int requested) => requested <= 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);

    public static string Encode(string lastKey, string filters) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Fingerprint(filters)}|{lastKey}"));

    /// <summary>The last key of the previous page, or null for the first page.</summary>
    public static string? Decode(string token, string filters)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || text[..bar] != Fingerprint(filters))
        {
            throw Invalid();
        }

        return text[(bar + 1)..];
    }

    private static string Fingerprint(string filters) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filters)))[..16];

    /// <summary>The page_token violation: a token made for other filters, damaged, or not ours.</summary>
    public static RequestValidationException Invalid() => new(
        [new FieldViolation("page_token", "Not valid for this request; start again without it, and keep the same filters on every page.")],
        ServiceReasons.InvalidPageToken);
}
