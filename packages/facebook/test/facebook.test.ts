import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as facebook from '../src';

describeProvider(facebook);
describeEndToEnd(facebook);
