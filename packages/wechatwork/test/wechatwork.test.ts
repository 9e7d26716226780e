import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as wechatwork from '../src';

describeProvider(wechatwork);
describeEndToEnd(wechatwork);
