namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// Splits an amount pro rata to claims in whole dong by the largest remainder (Hamilton) method, exactly:
/// each part is the exact share rounded down, and the dong left over go one each to the parts with the
/// largest fractions. So the parts add up to the amount and none is 1 dong or more from its exact share.
/// Equal fractions: the claim listed earlier wins (callers list claims in a documented order).
/// </summary>
public static class ProRata
{
    public static long[] Split(long amount, IReadOnlyList<long> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (claims.Any(c => c <= 0))
        {
            throw new ArgumentException("Every claim must be positive.", nameof(claims));
        }

        var total = claims.Aggregate(Int128.Zero, (sum, c) => sum + c);
        if (amount > total)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount exceeds the claims; pay them in full instead.");
        }

        if (amount == total)
        {
            return [.. claims];
        }

        // amount x claim < 2^126 fits Int128; the fraction of part i is remainders[i] / total.
        var parts = new long[claims.Count];
        var remainders = new Int128[claims.Count];
        var given = 0L;
        for (var i = 0; i < claims.Count; i++)
        {
            var product = (Int128)amount * claims[i];
            parts[i] = (long)(product / total);
            remainders[i] = product % total;
            given += parts[i];
        }

        // Fewer dong are left than there are claims; a part with a fraction stays below its claim when raised.
        var left = amount - given;
        foreach (var i in Enumerable.Range(0, claims.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
        {
            parts[i]++;
        }

        return parts;
    }
}
