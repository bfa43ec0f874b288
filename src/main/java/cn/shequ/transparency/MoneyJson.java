package cn.shequ.transparency;

import cn.shequ.fund.Money;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;

/** Writes an amount as API.md wants money: a string with two decimals ("30000.00"). */
public final class MoneyJson extends JsonSerializer<BigDecimal> {
    @Override
    public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeString(Money.format(value));
    }
}
