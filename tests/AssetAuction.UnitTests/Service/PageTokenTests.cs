using AssetAuction.Domain.Common;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;

namespace AssetAuction.UnitTests.Service;

public sealed class PageTokenTests
{
    [Fact]
    public void A_token_round_trips_with_the_same_filters()
    {
        var token = PageToken.Encode("0193abc", "HN|case|1|0");

        Assert.Equal("0193abc", PageToken.Decode(token, "HN|case|1|0"));
        Assert.Null(PageToken.Decode("", "anything"));
    }

    [Theory]
    [InlineData("HN|other|1|0")]
    [InlineData("")]
    public void A_token_with_other_filters_is_refused(string filters)
    {
        var token = PageToken.Encode("0193abc", "HN|case|1|0");

        var error = Assert.Throws<RequestValidationException>(() => PageToken.Decode(token, filters));

        Assert.Equal(ServiceReasons.InvalidPageToken, error.Reason);
        Assert.Equal("page_token", Assert.Single(error.Violations).Field);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("bm8tYmFy")]
    public void Garbage_is_refused(string token) =>
        Assert.Equal(ServiceReasons.InvalidPageToken, Assert.Throws<RequestValidationException>(() => PageToken.Decode(token, "f")).Reason);

    [Theory]
    [InlineData(0, 50)]
    [InlineData(-3, 50)]
    [InlineData(10, 10)]
    [InlineData(9999, 500)]
    public void Page_sizes_default_and_cap(int requested, int expected) => Assert.Equal(expected, PageToken.Size(requested));
}
