using System.Numerics;

namespace AssetAuction.Domain.Common;

/// <summary>Exact fractions for ownership shares: 1/3 + 1/3 + 1/3 must be exactly one whole.</summary>
public static class Share
{
    /// <summary>True when every share is a positive proper fraction and together they make exactly 1.</summary>
    public static bool AddUpToWhole(IEnumerable<(long Numerator, long Denominator)> shares)
    {
        BigInteger num = 0, den = 1;
        var any = false;
        foreach (var (n, d) in shares)
        {
            if (n <= 0 || d <= 0 || n > d)
            {
                return false;
            }

            // num/den + n/d = (num*d + n*den) / (den*d), kept exact with BigInteger.
            num = (num * d) + (n * den);
            den *= d;
            var gcd = BigInteger.GreatestCommonDivisor(num, den);
            num /= gcd;
            den /= gcd;
            any = true;
        }

        return any && num == den;
    }
}
