import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as alipay from '../src';

describeProvider(alipay);
describeEndToEnd(alipay);
